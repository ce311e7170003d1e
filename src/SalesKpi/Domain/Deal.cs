using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A deal (opportunity): owner, account, amount, expected close date, stage history, forecast category and outcome,
/// with the history of its expected-close-date and amount changes (for slippage and pipeline flow).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Amount"/> and <see cref="ExpectedClose"/> may be missing (<see langword="null"/>), as they are in real
/// CRMs; database-hygiene KPIs count such deals. Histories are kept in the order given. A stage entered before
/// <see cref="Created"/>, a won or lost deal without a close instant, or a close before creation are reported by
/// <see cref="DataQualityCheck"/> rather than rejected here.
/// </para>
/// <para>
/// <see cref="AmountAt(Instant)"/> and <see cref="ExpectedCloseAt(Instant)"/> read the value in force at an instant
/// from the change histories: the <see cref="ValueChange{T}.To"/> of the last change at or before it, or the
/// <see cref="ValueChange{T}.From"/> of the first change when the instant precedes every change, or the current
/// value when there is no history.
/// </para>
/// <para>
/// Immutable: the pseudo-mutators (<see cref="WithStage"/>, <see cref="WithOutcome"/>, <see cref="WithAmount"/>, …)
/// return new deals; <see cref="WithAmount"/> and <see cref="WithExpectedClose"/> also append to the histories.
/// Two deals are equal when every attribute and every history are equal.
/// </para>
/// </remarks>
public sealed class Deal : IEquatable<Deal>
{
    private readonly StageChange<DealStage>[] _stageHistory;
    private readonly ValueChange<LocalDate>[] _closeDateHistory;
    private readonly ValueChange<Money>[] _amountHistory;

    /// <summary>Creates a deal.</summary>
    /// <param name="id">The deal's id; not <c>None</c>.</param>
    /// <param name="owner">The owning rep; not <c>None</c>.</param>
    /// <param name="account">The account, or <see cref="AccountId.None"/> when the deal has none.</param>
    /// <param name="amount">The current amount, or <see langword="null"/> when missing.</param>
    /// <param name="created">When the deal was created.</param>
    /// <param name="expectedClose">The current expected close date, or <see langword="null"/> when missing.</param>
    /// <param name="stageHistory">The stages entered, in the order entered (copied); every stage defined (not the default).</param>
    /// <param name="forecastCategory">The forecast category.</param>
    /// <param name="outcome">The outcome; <see cref="DealOutcome.Open"/> by default.</param>
    /// <param name="closeDateHistory">Changes of the expected close date, in the order made (copied), or <see langword="null"/> for none.</param>
    /// <param name="amountHistory">Changes of the amount, in the order made (copied), or <see langword="null"/> for none.</param>
    /// <param name="name">A display name, or <see langword="null"/>; not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stageHistory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is invalid; the message names it and its value.</exception>
    public Deal(
        DealId id,
        RepId owner,
        AccountId account,
        Money? amount,
        Instant created,
        LocalDate? expectedClose,
        IEnumerable<StageChange<DealStage>> stageHistory,
        ForecastCategory forecastCategory = ForecastCategory.Pipeline,
        DealOutcome outcome = default,
        IEnumerable<ValueChange<LocalDate>>? closeDateHistory = null,
        IEnumerable<ValueChange<Money>>? amountHistory = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stageHistory);
        if (id.IsNone)
        {
            throw new ArgumentException("A deal needs an id, but the id was None.", nameof(id));
        }

        if (owner.IsNone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Deal {id} needs an owner, but the owner was None."), nameof(owner));
        }

        Facts.RequireDefined(forecastCategory, nameof(forecastCategory));
        _stageHistory = Facts.Copy(stageHistory, nameof(stageHistory));
        for (int i = 0; i < _stageHistory.Length; i++)
        {
            if (!_stageHistory[i].Stage.IsDefined)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Deal {id} has an undefined (default) stage at position {i}, {Facts.Format(_stageHistory[i].At)}."), nameof(stageHistory));
            }
        }

        _closeDateHistory = closeDateHistory is null ? [] : Facts.Copy(closeDateHistory, nameof(closeDateHistory));
        _amountHistory = amountHistory is null ? [] : Facts.Copy(amountHistory, nameof(amountHistory));
        Id = id;
        Owner = owner;
        Account = account;
        Amount = amount;
        Created = created;
        ExpectedClose = expectedClose;
        ForecastCategory = forecastCategory;
        Outcome = outcome;
        Name = Facts.OptionalText(name, nameof(name));
    }

    /// <summary>Gets the deal's id.</summary>
    public DealId Id { get; }

    /// <summary>Gets the owning rep.</summary>
    public RepId Owner { get; }

    /// <summary>Gets the account, or <see cref="AccountId.None"/>.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the current amount, or <see langword="null"/> when missing.</summary>
    public Money? Amount { get; }

    /// <summary>Gets when the deal was created.</summary>
    public Instant Created { get; }

    /// <summary>Gets the current expected close date, or <see langword="null"/> when missing.</summary>
    public LocalDate? ExpectedClose { get; }

    /// <summary>Gets the forecast category.</summary>
    public ForecastCategory ForecastCategory { get; }

    /// <summary>Gets the outcome.</summary>
    public DealOutcome Outcome { get; }

    /// <summary>Gets the display name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Gets the stages entered, in the order entered.</summary>
    public IReadOnlyList<StageChange<DealStage>> StageHistory => _stageHistory;

    /// <summary>Gets the changes of the expected close date, in the order made.</summary>
    public IReadOnlyList<ValueChange<LocalDate>> CloseDateHistory => _closeDateHistory;

    /// <summary>Gets the changes of the amount, in the order made.</summary>
    public IReadOnlyList<ValueChange<Money>> AmountHistory => _amountHistory;

    /// <summary>Gets the last stage entered, or <see langword="null"/> when the history is empty.</summary>
    public DealStage? CurrentStage => _stageHistory.Length == 0 ? null : _stageHistory[^1].Stage;

    /// <summary>Gets a value indicating whether the deal is open.</summary>
    public bool IsOpen => Outcome.Status == DealStatus.Open;

    /// <summary>Gets a value indicating whether the deal is won.</summary>
    public bool IsWon => Outcome.Status == DealStatus.Won;

    /// <summary>Gets a value indicating whether the deal is lost.</summary>
    public bool IsLost => Outcome.Status == DealStatus.Lost;

    /// <summary>Returns when <paramref name="stage"/> was first entered.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The earliest entry instant, or <see langword="null"/> when never entered.</returns>
    public Instant? FirstEntry(DealStage stage)
    {
        Instant? first = null;
        foreach (StageChange<DealStage> change in _stageHistory)
        {
            if (change.Stage == stage && (first is null || change.At < first.Value))
            {
                first = change.At;
            }
        }

        return first;
    }

    /// <summary>Returns the stage the deal was in at <paramref name="instant"/>: the last entry at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The stage, or <see langword="null"/> when no stage had been entered yet.</returns>
    public DealStage? StageAt(Instant instant)
    {
        DealStage? stage = null;
        foreach (StageChange<DealStage> change in _stageHistory)
        {
            if (change.At <= instant)
            {
                stage = change.Stage;
            }
        }

        return stage;
    }

    /// <summary>Returns the amount in force at <paramref name="instant"/> according to <see cref="AmountHistory"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The amount, or <see langword="null"/> when missing at that instant.</returns>
    public Money? AmountAt(Instant instant) => ValueAt(_amountHistory, Amount, instant);

    /// <summary>Returns the expected close date in force at <paramref name="instant"/> according to <see cref="CloseDateHistory"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date, or <see langword="null"/> when missing at that instant.</returns>
    public LocalDate? ExpectedCloseAt(Instant instant) => ValueAt(_closeDateHistory, ExpectedClose, instant);

    /// <summary>Returns a copy with <paramref name="stage"/> entered at <paramref name="at"/> appended to the stage history.</summary>
    /// <param name="at">When the stage was entered.</param>
    /// <param name="stage">The stage; not the default.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is the default value.</exception>
    public Deal WithStage(Instant at, DealStage stage)
    {
        if (!stage.IsDefined)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Deal {Id} cannot enter the undefined (default) stage at {Facts.Format(at)}."), nameof(stage));
        }

        return Copy(stageHistory: [.. _stageHistory, new StageChange<DealStage>(at, stage)]);
    }

    /// <summary>Returns a copy with another outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The new deal.</returns>
    public Deal WithOutcome(DealOutcome outcome) => Copy(outcome: outcome);

    /// <summary>Returns a copy in another forecast category.</summary>
    /// <param name="forecastCategory">The category.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="forecastCategory"/> is not defined.</exception>
    public Deal WithForecastCategory(ForecastCategory forecastCategory)
    {
        Facts.RequireDefined(forecastCategory, nameof(forecastCategory));
        return Copy(forecastCategory: forecastCategory);
    }

    /// <summary>Returns a copy owned by <paramref name="owner"/>.</summary>
    /// <param name="owner">The new owner; not <c>None</c>.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is <c>None</c>.</exception>
    public Deal WithOwner(RepId owner)
    {
        if (owner.IsNone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Deal {Id} needs an owner, but the owner was None."), nameof(owner));
        }

        return Copy(owner: owner);
    }

    /// <summary>Returns a copy whose amount changed to <paramref name="amount"/> at <paramref name="at"/>, recorded in <see cref="AmountHistory"/>.</summary>
    /// <param name="at">When the amount changed.</param>
    /// <param name="amount">The new amount.</param>
    /// <returns>The new deal.</returns>
    public Deal WithAmount(Instant at, Money amount) =>
        Copy(amount: amount, amountHistory: [.. _amountHistory, new ValueChange<Money>(at, Amount, amount)]);

    /// <summary>Returns a copy whose expected close date changed to <paramref name="expectedClose"/> at <paramref name="at"/>, recorded in <see cref="CloseDateHistory"/>.</summary>
    /// <param name="at">When the date changed.</param>
    /// <param name="expectedClose">The new expected close date.</param>
    /// <returns>The new deal.</returns>
    public Deal WithExpectedClose(Instant at, LocalDate expectedClose) =>
        Copy(expectedClose: expectedClose, closeDateHistory: [.. _closeDateHistory, new ValueChange<LocalDate>(at, ExpectedClose, expectedClose)]);

    /// <inheritdoc/>
    public bool Equals(Deal? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Owner == other.Owner
                && Account == other.Account
                && Amount == other.Amount
                && Created == other.Created
                && ExpectedClose == other.ExpectedClose
                && ForecastCategory == other.ForecastCategory
                && Outcome == other.Outcome
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && Facts.SequenceEqual(_stageHistory, other._stageHistory)
                && Facts.SequenceEqual(_closeDateHistory, other._closeDateHistory)
                && Facts.SequenceEqual(_amountHistory, other._amountHistory)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Deal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Id);
        hash.Add(Owner);
        hash.Add(Account);
        hash.Add(Amount);
        hash.Add(Created);
        hash.Add(ExpectedClose);
        hash.Add(ForecastCategory);
        hash.Add(Outcome);
        hash.Add(Name, StringComparer.Ordinal);
        Facts.AddSequence(ref hash, _stageHistory);
        Facts.AddSequence(ref hash, _closeDateHistory);
        Facts.AddSequence(ref hash, _amountHistory);
        return hash.ToHashCode();
    }

    /// <summary>Formats the deal, for example <c>Deal 9 (owner 2, account 5) 12000 USD, close 2026-03-31, Open</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Deal {Id} (owner {Owner}, account {Account}) {Facts.FormatOrNone(Amount)}, close {Facts.FormatOrNone(ExpectedClose)}, {Outcome}");

    /// <summary>Returns whether two deals are equal.</summary>
    /// <param name="left">The left deal.</param>
    /// <param name="right">The right deal.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Deal? left, Deal? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two deals differ.</summary>
    /// <param name="left">The left deal.</param>
    /// <param name="right">The right deal.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Deal? left, Deal? right) => !(left == right);

    private static T? ValueAt<T>(ValueChange<T>[] history, T? current, Instant instant)
        where T : struct
    {
        if (history.Length == 0)
        {
            return current;
        }

        T? value = history[0].From;
        foreach (ValueChange<T> change in history)
        {
            if (change.At <= instant)
            {
                value = change.To;
            }
        }

        return value;
    }

    private Deal Copy(
        RepId? owner = null,
        Money? amount = null,
        DealOutcome? outcome = null,
        ForecastCategory? forecastCategory = null,
        LocalDate? expectedClose = null,
        StageChange<DealStage>[]? stageHistory = null,
        ValueChange<LocalDate>[]? closeDateHistory = null,
        ValueChange<Money>[]? amountHistory = null) =>
        new(
            Id,
            owner ?? Owner,
            Account,
            amount ?? Amount,
            Created,
            expectedClose ?? ExpectedClose,
            stageHistory ?? _stageHistory,
            forecastCategory ?? ForecastCategory,
            outcome ?? Outcome,
            closeDateHistory ?? _closeDateHistory,
            amountHistory ?? _amountHistory,
            Name);
}
