using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace SalesKpi.Forecasting;

/// <summary>One step of a <see cref="PipelineMarkovChain.Project"/> projection: what is expected to be still open per stage, and won or lost so far.</summary>
/// <remarks>
/// Values are in the unit of the projected input (an amount or a count of deals). <see cref="Won"/> and
/// <see cref="Lost"/> are cumulative from the start of the projection; <see cref="Open"/> + <see cref="Won"/> +
/// <see cref="Lost"/> equals the initial total within rounding.
/// </remarks>
public sealed class PipelineProjectionStep
{
    private readonly DealStage[] _stages;
    private readonly double[] _open;

    internal PipelineProjectionStep(int step, DealStage[] stages, double[] open, double won, double lost)
    {
        Step = step;
        _stages = stages;
        _open = open;
        var byStage = new Dictionary<DealStage, double>(stages.Length);
        double total = 0;
        for (int i = 0; i < stages.Length; i++)
        {
            byStage.Add(stages[i], open[i]);
            total += open[i];
        }

        OpenByStage = new ReadOnlyDictionary<DealStage, double>(byStage);
        Open = total;
        Won = won;
        Lost = lost;
    }

    /// <summary>Gets the step number: 1 for one snapshot interval ahead.</summary>
    public int Step { get; }

    /// <summary>Gets the expected amount still open in each stage of the chain (every stage present, zero included) after this step.</summary>
    public IReadOnlyDictionary<DealStage, double> OpenByStage { get; }

    /// <summary>Gets the expected amount still open, over every stage.</summary>
    public double Open { get; }

    /// <summary>Gets the expected amount won from the start up to and including this step.</summary>
    public double Won { get; }

    /// <summary>Gets the expected amount lost from the start up to and including this step.</summary>
    public double Lost { get; }

    /// <summary>Formats the step, for example <c>Step 2: open 43.75 (A 18.75, B 25), won 12.5, lost 43.75</c>.</summary>
    /// <returns>The text (invariant culture, up to 6 significant digits).</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Step {Step}: open {Format(Open)} (");
        for (int i = 0; i < _stages.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_stages[i].Name).Append(' ').Append(Format(_open[i]));
        }

        return text.Append(CultureInfo.InvariantCulture, $"), won {Format(Won)}, lost {Format(Lost)}").ToString();
    }

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
