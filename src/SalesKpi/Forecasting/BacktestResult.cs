using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>The outcome of a rolling-origin backtest: per-origin forecasts and errors.</summary>
public sealed class BacktestResult
{
    internal BacktestResult(string method, int horizon, IReadOnlyList<BacktestOrigin> origins)
    {
        Method = method;
        Horizon = horizon;
        Origins = origins;
    }

    /// <summary>Gets the name of the method tested.</summary>
    public string Method { get; }

    /// <summary>Gets the horizon of every origin's forecast.</summary>
    public int Horizon { get; }

    /// <summary>Gets the origins, earliest first.</summary>
    public IReadOnlyList<BacktestOrigin> Origins { get; }

    /// <summary>Returns the errors y − ŷ at one step ahead, one per origin.</summary>
    /// <param name="step">The step, 1 … <see cref="Horizon"/>.</param>
    /// <returns>The errors, earliest origin first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is out of range.</exception>
    public IReadOnlyList<double> ErrorsAtStep(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, Horizon);
        var errors = new double[Origins.Count];
        for (int i = 0; i < errors.Length; i++)
        {
            errors[i] = Origins[i].Errors[step - 1];
        }

        return errors;
    }

    /// <summary>Returns the mean absolute error over every origin and step.</summary>
    /// <returns>The MAE (the result always has at least one origin, so it is defined).</returns>
    public double MeanAbsoluteError()
    {
        double sum = 0;
        int count = 0;
        foreach (var origin in Origins)
        {
            foreach (double e in origin.Errors)
            {
                sum += Math.Abs(e);
                count++;
            }
        }

        return sum / count;
    }
}
