using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi;

/// <summary>Shared validation and formatting helpers for the domain facts.</summary>
internal static class Facts
{
    internal static long ToUnixTicks(Instant instant, string paramName)
    {
        long ticks = instant.ToUnixTimeTicks();
        if (Instant.FromUnixTimeTicks(ticks) != instant)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A timestamp must be a whole number of 100-ns ticks, but was {Format(instant)}."), paramName);
        }

        return ticks;
    }

    internal static int ToWholeSeconds(Duration duration, string paramName)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, duration, string.Create(CultureInfo.InvariantCulture, $"A duration must not be negative, but was {Format(duration)}."));
        }

        if (duration.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, duration, string.Create(CultureInfo.InvariantCulture, $"A duration must be at most {int.MaxValue} seconds, but was {Format(duration)}."));
        }

        long nanos = duration.ToInt64Nanoseconds();
        if (nanos % NodaConstants.NanosecondsPerSecond != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A duration must be a whole number of seconds, but was {Format(duration)}."), paramName);
        }

        return checked((int)(nanos / NodaConstants.NanosecondsPerSecond));
    }

    internal static void RequireNonNegative(Duration duration, string paramName)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, duration, string.Create(CultureInfo.InvariantCulture, $"A duration must not be negative, but was {Format(duration)}."));
        }
    }

    internal static string RequireText(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The value must not be empty or white space, but was '{value}'."), paramName);
        }

        return value;
    }

    internal static string? OptionalText(string? value, string paramName)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The value must be null or non-blank text, but was '{value}'."), paramName);
        }

        return value;
    }

    internal static void RequireDefined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{value} is not a defined {typeof(TEnum).Name}."));
        }
    }

    internal static T[] Copy<T>(IEnumerable<T> source, string paramName)
    {
        ArgumentNullException.ThrowIfNull(source, paramName);
        return [.. source];
    }

    internal static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Format(Duration duration) => DurationPattern.Roundtrip.Format(duration);

    internal static bool SequenceEqual<T>(T[] left, T[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static void AddSequence<T>(ref HashCode hash, T[] items)
    {
        hash.Add(items.Length);
        foreach (T item in items)
        {
            hash.Add(item);
        }
    }

    internal static string FormatOrNone<T>(T? value)
        where T : struct => value is { } v ? FormatValue(v) : "none";

    internal static string FormatValue<T>(T value) => value switch
    {
        null => "null",
        LocalDate date => Format(date),
        Instant instant => Format(instant),
        Duration duration => Format(duration),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
