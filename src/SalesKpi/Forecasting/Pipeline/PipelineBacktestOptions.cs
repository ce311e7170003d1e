using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>How <see cref="PipelineBacktest"/> makes each forecast.</summary>
public sealed record PipelineBacktestOptions
{
    private readonly Duration _lookBack = Duration.FromDays(365);
    private readonly int _newBusinessPeriods = 4;
    private readonly int _trials = PipelineSimulation.DefaultTrials;

    /// <summary>Gets the look-back the probabilities and slips are learned over before each forecast; 365 days by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public Duration LookBack
    {
        get => _lookBack;
        init
        {
            StageProbabilities.RequirePositive(value, nameof(LookBack));
            _lookBack = value;
        }
    }

    /// <summary>Gets a value indicating whether the probabilities are learned by stage age (the default) or as closed-deal shares.</summary>
    public bool ByStageAge { get; init; } = true;

    /// <summary>Gets how many past periods the new business is drawn from; 4 by default, 0 for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public int NewBusinessPeriods
    {
        get => _newBusinessPeriods;
        init
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(NewBusinessPeriods), value, "The number of new-business periods must not be negative.");
            }

            _newBusinessPeriods = value;
        }
    }

    /// <summary>Gets the number of trials of each simulation; 10,000 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 1.</exception>
    public int Trials
    {
        get => _trials;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Trials), value, string.Create(CultureInfo.InvariantCulture, $"A simulation needs at least one trial, but got {value}."));
            }

            _trials = value;
        }
    }

    /// <summary>Gets the seed of every simulation; 0 by default.</summary>
    public long Seed { get; init; }

    /// <summary>Gets the exchange rates for deals in other currencies, or <see langword="null"/>.</summary>
    public ExchangeRateTable? Rates { get; init; }
}
