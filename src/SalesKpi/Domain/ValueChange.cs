using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>One recorded change of a value: at <see cref="At"/> it went from <see cref="From"/> to <see cref="To"/>.</summary>
/// <typeparam name="T">The value type, for example <see cref="LocalDate"/> (a deal's expected close) or <see cref="Money"/> (its amount).</typeparam>
/// <remarks>
/// Recording the old value as well as the new one makes a history self-contained: the value at any instant before
/// the first change is the first change's <see cref="From"/>. <see cref="From"/> is <see langword="null"/> when the
/// value was missing before the change. Equal when all three components are equal.
/// </remarks>
/// <param name="At">When the change was made.</param>
/// <param name="From">The value before the change, or <see langword="null"/> when it was missing.</param>
/// <param name="To">The value after the change.</param>
public readonly record struct ValueChange<T>(Instant At, T? From, T To)
    where T : struct
{
    /// <summary>Formats the change, for example <c>2026-02-01T12:00:00Z 2026-03-31 -> 2026-04-30</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Facts.Format(At)} {Facts.FormatOrNone(From)} -> {Facts.FormatValue(To)}");
}
