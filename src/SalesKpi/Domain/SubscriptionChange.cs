using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// One entry of an account's subscription history: from <see cref="EffectiveDate"/> the account pays
/// <see cref="Amount"/> per <see cref="Interval"/>, which is <see cref="Mrr"/> per month.
/// </summary>
/// <remarks>
/// <para>
/// The history records the account's total recurring revenue, not individual plans: add up concurrent
/// subscriptions before loading. An amount of zero marks a cancellation (churn). <see cref="Mrr"/> divides the
/// amount by the months in the interval exactly in <see cref="decimal"/> (an annual 1000 is 83.333… a month, not
/// rounded).
/// </para>
/// <para>Negative amounts are accepted here and reported by <see cref="DataQualityCheck"/>. Equal when all components are equal.</para>
/// </remarks>
public readonly record struct SubscriptionChange
{
    /// <summary>Creates a subscription change.</summary>
    /// <param name="effectiveDate">The first date the new amount applies.</param>
    /// <param name="amount">The amount billed per interval (zero for a cancellation).</param>
    /// <param name="interval">The billing interval.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not defined.</exception>
    public SubscriptionChange(LocalDate effectiveDate, Money amount, BillingInterval interval = BillingInterval.Monthly)
    {
        Facts.RequireDefined(interval, nameof(interval));
        EffectiveDate = effectiveDate;
        Amount = amount;
        Interval = interval;
    }

    /// <summary>Gets the first date the amount applies.</summary>
    public LocalDate EffectiveDate { get; }

    /// <summary>Gets the amount billed per interval.</summary>
    public Money Amount { get; }

    /// <summary>Gets the billing interval.</summary>
    public BillingInterval Interval { get; }

    /// <summary>Gets the monthly recurring revenue: <see cref="Amount"/> ÷ months in <see cref="Interval"/>.</summary>
    public Money Mrr => Amount.DividedBy((int)Interval);

    /// <summary>Formats the change, for example <c>2026-01-01 1200 USD Annual (MRR 100 USD)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Facts.Format(EffectiveDate)} {Amount} {Interval} (MRR {Mrr})");
}
