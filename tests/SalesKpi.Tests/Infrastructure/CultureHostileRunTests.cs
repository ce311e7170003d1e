using System.Globalization;
using Xunit;

namespace SalesKpi.Tests.Infrastructure;

public sealed class CultureHostileRunTests
{
    [Fact]
    public void Tests_run_under_a_culture_with_a_decimal_comma()
    {
        Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
        Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
    }
}
