using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesKpi.Forecasting;

/// <summary>An equal-weight combination of methods: the point forecast is the mean of the members' point forecasts.</summary>
/// <remarks>
/// <para>
/// Every member is fitted to the same series; a member that fails makes the combination fail (with the member's
/// error). Fitted values are the mean of the members' fitted values (NaN where any member's is NaN).
/// </para>
/// <para>
/// Interval rule: at each level and step the bounds are the means of the members' bounds (quantile averaging).
/// It keeps each member's properties that are linear in the bounds: widths non-decreasing in h and independent of
/// the horizon requested. It does not model the correlation of the members' errors; with strongly correlated
/// members (as SES, Holt and damped usually are) it is close to each member's own interval.
/// </para>
/// <para>Parameters: each member's parameters prefixed by its position and name, for example <c>0:Naive.sigma2</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// var comb = new Combination(new Naive(), new Drift(), new Theta());
/// var forecast = comb.Fit(series).Forecast(6, 80);
/// </code>
/// </example>
public sealed class Combination : ForecastMethod
{
    private readonly ForecastMethod[] _members;

    /// <summary>Creates a combination.</summary>
    /// <param name="members">The methods to average, at least one, none null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ArgumentException">No members were given, or one is null (the message names its position).</exception>
    public Combination(params ForecastMethod[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Length == 0)
        {
            throw new ArgumentException("A combination needs at least one member; 0 given.", nameof(members));
        }

        for (int i = 0; i < members.Length; i++)
        {
            if (members[i] is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Member {i} is null."), nameof(members));
            }
        }

        _members = (ForecastMethod[])members.Clone();
        var name = new StringBuilder("Combination(");
        for (int i = 0; i < members.Length; i++)
        {
            name.Append(i == 0 ? string.Empty : ",").Append(members[i].Name);
        }

        Name = name.Append(')').ToString();
    }

    /// <summary>Gets the members, in the order given.</summary>
    public IReadOnlyList<ForecastMethod> Members => _members;

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A member rejects the series.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        var fits = new FittedModel[_members.Length];
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        var fitted = new double[series.Count];
        for (int i = 0; i < fits.Length; i++)
        {
            fits[i] = _members[i].Fit(series);
            foreach (var pair in fits[i].Parameters)
            {
                parameters[string.Create(CultureInfo.InvariantCulture, $"{i}:{_members[i].Name}.{pair.Key}")] = pair.Value;
            }

            for (int t = 0; t < fitted.Length; t++)
            {
                fitted[t] += fits[i].Fitted[t] / fits.Length;
            }
        }

        return new CombinationModel(Name, series, fitted, parameters, fits);
    }

    private sealed class CombinationModel : FittedModel
    {
        private readonly FittedModel[] _fits;

        internal CombinationModel(string name, TimeSeries series, double[] fitted, IReadOnlyDictionary<string, double> parameters, FittedModel[] fits)
            : base(name, series, fitted, parameters, null)
        {
            _fits = fits;
        }

        protected override Forecast ForecastCore(int horizon, double[] levels)
        {
            var point = new double[horizon];
            var lower = new double[levels.Length][];
            var upper = new double[levels.Length][];
            for (int l = 0; l < levels.Length; l++)
            {
                lower[l] = new double[horizon];
                upper[l] = new double[horizon];
            }

            double k = _fits.Length;
            foreach (var fit in _fits)
            {
                var forecast = fit.Forecast(horizon, levels);
                for (int h = 0; h < horizon; h++)
                {
                    point[h] += forecast.Point[h] / k;
                    for (int l = 0; l < levels.Length; l++)
                    {
                        lower[l][h] += forecast.Intervals[l].Lower[h] / k;
                        upper[l][h] += forecast.Intervals[l].Upper[h] / k;
                    }
                }
            }

            var intervals = new PredictionInterval[levels.Length];
            for (int l = 0; l < levels.Length; l++)
            {
                intervals[l] = new PredictionInterval(levels[l], lower[l], upper[l]);
            }

            return new Forecast(Method, point, intervals);
        }
    }
}
