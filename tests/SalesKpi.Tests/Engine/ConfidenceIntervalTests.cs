using System;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class ConfidenceIntervalTests
{
    // z = 1.959964, z² = 3.841459.
    // 8/10: p = 0.8; 1 + z²/n = 1.384146; centre = (0.8 + 0.192073)/1.384146 = 0.716740;
    //       half = 1.959964/1.384146 × √(0.016 + 0.0096036) = 1.416010 × 0.160011 = 0.226578 → [0.490162, 0.943318].
    [Fact]
    public void Wilson_eight_of_ten_matches_the_hand_computation()
    {
        var ci = ConfidenceInterval.Wilson(8, 10);
        Assert.Equal(0.490162, ci.Lower, 5);
        Assert.Equal(0.943318, ci.Upper, 5);
        Assert.Equal(0.95, ci.Level);
        Assert.Equal("[0.4902, 0.9433]", ci.ToString());
    }

    // 0/10: centre = half = 0.192073/1.384146 = 0.138767 → [0, 0.277533] (upper = z²/(n + z²)).
    [Fact]
    public void Wilson_zero_successes_has_a_positive_upper_bound()
    {
        var ci = ConfidenceInterval.Wilson(0, 10);
        Assert.Equal(0.0, ci.Lower, 9);
        Assert.Equal(3.841459 / 13.841459, ci.Upper, 5);
    }

    [Fact]
    public void Wilson_all_successes_mirrors_zero_successes()
    {
        var none = ConfidenceInterval.Wilson(0, 10);
        var all = ConfidenceInterval.Wilson(10, 10);
        Assert.Equal(1 - none.Upper, all.Lower, 9);
        Assert.Equal(1.0, all.Upper, 9);
    }

    [Fact]
    public void Wilson_rejects_no_trials()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.Wilson(0, 0));
        Assert.Equal("trials", ex.ParamName);
    }

    [Property]
    public bool Wilson_contains_the_point_estimate_and_stays_in_the_unit_interval(byte s, byte extra)
    {
        long trials = s + (long)extra + 1;
        var ci = ConfidenceInterval.Wilson(s, trials);
        double p = (double)s / trials;
        return ci.Lower >= 0 && ci.Upper <= 1 && ci.Lower <= p + 1e-12 && p <= ci.Upper + 1e-12;
    }
}
