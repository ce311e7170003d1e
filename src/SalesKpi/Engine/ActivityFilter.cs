using System.Globalization;

namespace SalesKpi;

/// <summary>
/// A ready-made value-type filter on the kind (and optionally the outcome) of a <see cref="SalesActivity"/>, the usual
/// condition of activity KPIs and scorecard lines; pass it to
/// <see cref="Metric.Where{TFact, TKey, TPredicate}(Metric{TFact, TKey}, TPredicate)"/>.
/// </summary>
/// <remarks>Equivalent to the lambda <c>a => a.Kind == kind</c> (and <c>&amp;&amp; a.Outcome == outcome</c>), with the test inlined in the evaluation loop. The default value keeps no activity.</remarks>
/// <example>
/// <code>
/// var connectedCalls = Metric.Count&lt;SalesActivity&gt;()
///     .Where(ActivityFilter.Of(SalesActivityKind.Call, SalesActivityOutcome.Connected))
///     .By(a => a.Rep);
/// </code>
/// </example>
public readonly struct ActivityFilter : IFactPredicate<SalesActivity>
{
    private readonly SalesActivityKind _kind;
    private readonly SalesActivityOutcome _outcome;
    private readonly bool _anyOutcome;

    private ActivityFilter(SalesActivityKind kind, SalesActivityOutcome outcome, bool anyOutcome)
    {
        _kind = kind;
        _outcome = outcome;
        _anyOutcome = anyOutcome;
    }

    /// <summary>Keeps the activities of <paramref name="kind"/>, whatever their outcome.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="kind"/> is not defined (the default value).</exception>
    /// <example>
    /// <code>
    /// var emails = Metric.Count&lt;SalesActivity&gt;().Where(ActivityFilter.Of(SalesActivityKind.Email));
    /// </code>
    /// </example>
    public static ActivityFilter Of(SalesActivityKind kind)
    {
        RequireDefined(kind);
        return new ActivityFilter(kind, default, anyOutcome: true);
    }

    /// <summary>Keeps the activities of <paramref name="kind"/> with <paramref name="outcome"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="kind"/> is not defined (the default value).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined value.</exception>
    /// <example>
    /// <code>
    /// var meetingsHeld = Metric.Count&lt;SalesActivity&gt;().Where(ActivityFilter.Of(SalesActivityKind.Meeting, SalesActivityOutcome.Held));
    /// </code>
    /// </example>
    public static ActivityFilter Of(SalesActivityKind kind, SalesActivityOutcome outcome)
    {
        RequireDefined(kind);
        Facts.RequireDefined(outcome, nameof(outcome));
        return new ActivityFilter(kind, outcome, anyOutcome: false);
    }

    /// <inheritdoc/>
    public bool Test(in SalesActivity fact) => fact.Kind.Code == _kind.Code && (_anyOutcome || fact.Outcome == _outcome);

    /// <summary>Returns the condition, for example <c>kind = Call, outcome = Connected</c>.</summary>
    /// <returns>The condition as text.</returns>
    public override string ToString() =>
        _anyOutcome
            ? string.Create(CultureInfo.InvariantCulture, $"kind = {_kind}")
            : string.Create(CultureInfo.InvariantCulture, $"kind = {_kind}, outcome = {_outcome}");

    private static void RequireDefined(SalesActivityKind kind)
    {
        if (!kind.IsDefined)
        {
            throw new System.ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The kind must be defined, but was the default value (code {kind.Code})."),
                nameof(kind));
        }
    }
}
