using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>The library keeps no static mutable state (DESIGN, guarantee 1): every static field is a constant or read-only.</summary>
public sealed class StaticStateTests
{
    [Fact]
    public void Every_static_field_of_the_library_is_read_only()
    {
        string[] writable =
        [
            .. typeof(Money).Assembly.GetTypes()
                .Where(type => !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
                .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(field => !field.IsInitOnly && !field.IsLiteral && !field.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
                    .Select(field => $"{type.FullName}.{field.Name}")),
        ];

        Assert.True(writable.Length == 0, "Static fields that can be written:\n" + string.Join("\n", writable));
    }
}
