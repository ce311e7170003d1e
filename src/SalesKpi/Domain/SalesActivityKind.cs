using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// The kind of a <see cref="SalesActivity"/>: a well-known kind such as <see cref="Call"/> or a caller-defined
/// custom kind, stored as a single <see cref="int"/> code.
/// </summary>
/// <remarks>
/// <para>
/// Codes 1 to 999 are reserved for the library's well-known kinds (1 <see cref="Call"/>, 2 <see cref="Email"/>,
/// 3 <see cref="Reply"/>, 4 <see cref="Meeting"/>, 5 <see cref="LeadPassed"/>, 6 <see cref="Note"/>,
/// 7 <see cref="Task"/>, 8 <see cref="Sms"/>, 9 <see cref="SocialMessage"/>, 10 <see cref="Demo"/>); new
/// well-known kinds may be added in that range. Codes from <see cref="FirstCustomCode"/> (1000) up are yours:
/// <see cref="Custom(int)"/>. The kind deliberately carries no display name so that an activity stays small; keep
/// names for your custom codes in your own lookup.
/// </para>
/// <para>The default value (code 0) is not a valid kind and is rejected by <see cref="SalesActivity"/>.</para>
/// </remarks>
public readonly record struct SalesActivityKind : IComparable<SalesActivityKind>, IComparable
{
    /// <summary>The first code available to custom kinds.</summary>
    public const int FirstCustomCode = 1000;

    private const int LastWellKnownCode = 10;

    private SalesActivityKind(int code) => Code = code;

    /// <summary>Gets the kind of an outbound or inbound phone call.</summary>
    public static SalesActivityKind Call => new(1);

    /// <summary>Gets the kind of a sent email.</summary>
    public static SalesActivityKind Email => new(2);

    /// <summary>Gets the kind of a reply received from a prospect; counted on the day it arrives.</summary>
    public static SalesActivityKind Reply => new(3);

    /// <summary>Gets the kind of a meeting (booked or held, see <see cref="SalesActivityOutcome"/>).</summary>
    public static SalesActivityKind Meeting => new(4);

    /// <summary>Gets the kind of a lead hand-off, typically SDR to AE.</summary>
    public static SalesActivityKind LeadPassed => new(5);

    /// <summary>Gets the kind of a logged note.</summary>
    public static SalesActivityKind Note => new(6);

    /// <summary>Gets the kind of a completed task.</summary>
    public static SalesActivityKind Task => new(7);

    /// <summary>Gets the kind of a text message.</summary>
    public static SalesActivityKind Sms => new(8);

    /// <summary>Gets the kind of a social-network message (for example LinkedIn).</summary>
    public static SalesActivityKind SocialMessage => new(9);

    /// <summary>Gets the kind of a product demonstration.</summary>
    public static SalesActivityKind Demo => new(10);

    /// <summary>Gets the code: 1–999 for well-known kinds, 1000 and up for custom kinds, 0 for the invalid default.</summary>
    public int Code { get; }

    /// <summary>Gets a value indicating whether this is a caller-defined kind (code 1000 or more).</summary>
    public bool IsCustom => Code >= FirstCustomCode;

    /// <summary>Gets a value indicating whether this is a defined kind (well-known or custom), not the default.</summary>
    public bool IsDefined => Code is >= 1 and <= LastWellKnownCode || Code >= FirstCustomCode;

    /// <summary>Returns the custom kind with <paramref name="code"/>.</summary>
    /// <param name="code">A code of 1000 or more.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is below 1000.</exception>
    public static SalesActivityKind Custom(int code)
    {
        if (code < FirstCustomCode)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, string.Create(CultureInfo.InvariantCulture, $"Custom activity kind codes start at {FirstCustomCode}, but the code was {code}."));
        }

        return new SalesActivityKind(code);
    }

    /// <summary>Returns the well-known or custom kind with <paramref name="code"/>.</summary>
    /// <param name="code">A well-known code (1–10 today) or a custom code (1000 or more).</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is neither.</exception>
    public static SalesActivityKind FromCode(int code)
    {
        var kind = new SalesActivityKind(code);
        if (!kind.IsDefined)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, string.Create(CultureInfo.InvariantCulture, $"No activity kind has code {code}: well-known codes are 1 to {LastWellKnownCode}, custom codes start at {FirstCustomCode}."));
        }

        return kind;
    }

    /// <summary>Orders by code.</summary>
    /// <param name="other">The other kind.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(SalesActivityKind other) => Code.CompareTo(other.Code);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        SalesActivityKind other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare a SalesActivityKind with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Returns the name of a well-known kind (<c>Call</c>), <c>Custom(1234)</c>, or <c>Undefined(0)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code switch
    {
        1 => "Call",
        2 => "Email",
        3 => "Reply",
        4 => "Meeting",
        5 => "LeadPassed",
        6 => "Note",
        7 => "Task",
        8 => "Sms",
        9 => "SocialMessage",
        10 => "Demo",
        >= FirstCustomCode => string.Create(CultureInfo.InvariantCulture, $"Custom({Code})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Undefined({Code})"),
    };

    /// <summary>Orders by code.</summary>
    /// <param name="left">The left kind.</param>
    /// <param name="right">The right kind.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(SalesActivityKind left, SalesActivityKind right) => left.Code < right.Code;

    /// <summary>Orders by code.</summary>
    /// <param name="left">The left kind.</param>
    /// <param name="right">The right kind.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(SalesActivityKind left, SalesActivityKind right) => left.Code <= right.Code;

    /// <summary>Orders by code.</summary>
    /// <param name="left">The left kind.</param>
    /// <param name="right">The right kind.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(SalesActivityKind left, SalesActivityKind right) => left.Code > right.Code;

    /// <summary>Orders by code.</summary>
    /// <param name="left">The left kind.</param>
    /// <param name="right">The right kind.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(SalesActivityKind left, SalesActivityKind right) => left.Code >= right.Code;
}
