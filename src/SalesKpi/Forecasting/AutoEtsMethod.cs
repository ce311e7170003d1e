using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// Automatic exponential smoothing: fits every eligible ETS(E,T,S) model by maximum likelihood and keeps the one
/// with the smallest AICc (R <c>forecast::ets</c> with its defaults).
/// </summary>
/// <remarks>
/// <para>Candidates, in R's order (ties keep the first): error A, M × trend N, A, Ad × season N, A, M, without
/// multiplicative trends and without the unstable additive-error/multiplicative-season pairs — at most 15 models.</para>
/// <para>Eligibility: multiplicative errors and seasons only for strictly positive data; seasonal models only when
/// 2 ≤ m ≤ 24 and n ≥ 2m (R allows n &gt; m; two full cycles are required here so that every seasonal state is
/// seen twice); a model is skipped when it has too few observations for its k parameters (k ≥ n − 1, R's rule).</para>
/// <para>Special cases: a constant series gives ETS(A,N,N) with α = 0.99999 and ℓ₀ = y₁ (zero-width intervals), as
/// R; a series too short for any model (n ≤ 4) gives simple exponential smoothing with simple initial state
/// (ℓ₀ = y₁, α minimising the SSE, σ² = SSE/n), as R's fall-back. The fitted model's <see cref="FittedModel.Method"/>
/// names the model chosen.</para>
/// </remarks>
public sealed class AutoEtsMethod : ForecastMethod
{
    internal AutoEtsMethod(bool allowDamped, bool allowMultiplicative)
    {
        AllowDamped = allowDamped;
        AllowMultiplicative = allowMultiplicative;
    }

    /// <summary>Gets a value indicating whether damped trends are candidates.</summary>
    public bool AllowDamped { get; }

    /// <summary>Gets a value indicating whether multiplicative errors and seasons are candidates (for positive data).</summary>
    public bool AllowMultiplicative { get; }

    /// <inheritdoc/>
    public override string Name => "AutoETS";

    /// <summary>Returns a copy that does or does not consider damped trends.</summary>
    /// <param name="allowDamped">Whether damped trends are candidates.</param>
    /// <returns>The new method.</returns>
    public AutoEtsMethod WithDamped(bool allowDamped) => new(allowDamped, AllowMultiplicative);

    /// <summary>Returns a copy that does or does not consider multiplicative components (R <c>additive.only</c> negated).</summary>
    /// <param name="allowMultiplicative">Whether multiplicative errors and seasons are candidates.</param>
    /// <returns>The new method.</returns>
    public AutoEtsMethod WithMultiplicative(bool allowMultiplicative) => new(AllowDamped, allowMultiplicative);

    /// <summary>Fits every candidate and returns the selected model.</summary>
    /// <param name="series">The series.</param>
    /// <returns>The model with the smallest AICc.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series has a single observation.</exception>
    public EtsModel FitEts(TimeSeries series) => (EtsModel)Fit(series);

    /// <summary>Lists the candidate models for a series, in the order they are tried.</summary>
    /// <param name="series">The series.</param>
    /// <returns>The eligible candidates (empty when the series is too short for every model).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    public IReadOnlyList<EtsMethod> Candidates(TimeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = new List<EtsMethod>(15);
        int n = series.Count;
        int m = series.SeasonLength;
        bool positive = ForecastMath.AllPositive(series.Span);

        bool seasonal = m >= 2 && m <= 24 && n >= 2 * m;
        EtsError[] errors = AllowMultiplicative && positive ? [EtsError.Additive, EtsError.Multiplicative] : [EtsError.Additive];
        foreach (var error in errors)
        {
            foreach (var trendBase in (ReadOnlySpan<EtsTrend>)[EtsTrend.None, EtsTrend.Additive])
            {
                foreach (var season in (ReadOnlySpan<EtsSeason>)[EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative])
                {
                    if (season != EtsSeason.None && !seasonal)
                    {
                        continue;
                    }

                    if (season == EtsSeason.Multiplicative && (error == EtsError.Additive || !positive || !AllowMultiplicative))
                    {
                        continue;
                    }

                    // R tries the damped variant first.
                    var trends = trendBase == EtsTrend.None ? [EtsTrend.None]
                        : AllowDamped ? new[] { EtsTrend.AdditiveDamped, EtsTrend.Additive } : [EtsTrend.Additive];
                    foreach (var trend in trends)
                    {
                        var structure = new EtsStructure(error, trend, season, season == EtsSeason.None ? 1 : m);
                        if (EtsFitter.ParameterCount(structure, EtsFixedParameters.None) >= n - 1)
                        {
                            continue;
                        }

                        list.Add(new EtsMethod(error, trend, season, EtsFixedParameters.None, EtsInitialization.Optimal));
                    }
                }
            }
        }

        return list;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The series has a single observation.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        int n = series.Count;
        if (n < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Automatic exponential smoothing needs at least 2 observations; the series has {n}."),
                nameof(series));
        }

        if (ForecastMath.IsConstant(series.Span))
        {
            return ExponentialSmoothing.Ses().WithAlpha(0.99999).WithInitialization(EtsInitialization.Simple).Fit(series);
        }

        EtsModel? best = null;
        double bestIc = double.PositiveInfinity;
        foreach (var candidate in Candidates(series))
        {
            var model = (EtsModel)candidate.Fit(series);
            double ic = model.Criteria?.Aicc ?? double.PositiveInfinity;
            if (ic < bestIc)
            {
                best = model;
                bestIc = ic;
            }
        }

        return best ?? ExponentialSmoothing.Ses().WithInitialization(EtsInitialization.Simple).Fit(series);
    }
}
