using System.Collections.Generic;
using NodaTime;
using SalesKpi.Forecasting;

namespace SalesKpi.Tests.Forecasting.Pipeline;

/// <summary>Builders of deals and periods for the pipeline-forecast tests.</summary>
internal static class PipelineTestDeals
{
    public static readonly DealStage Discovery = DealStage.Of("Discovery", 0);
    public static readonly DealStage Proposal = DealStage.Of("Proposal", 1);
    public static readonly DealStage Negotiation = DealStage.Of("Negotiation", 2);

    public static readonly Instant AsOf = Instant.FromUtc(2026, 3, 20, 12, 0);

    public static readonly ReportingPeriod March = new(PeriodKind.Month, new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1), "2026-03");

    public static Instant At(int month, int day) => Instant.FromUtc(2026, month, day, 9, 0);

    public static Money Usd(decimal amount) => Money.Of(amount, Currency.Usd);

    /// <summary>An open deal created on 1 January that entered <paramref name="stage"/> then.</summary>
    public static Deal Open(int id, decimal amount, LocalDate expectedClose, DealStage stage) =>
        new(DealId.Of(id), RepId.Of(1), AccountId.None, Usd(amount), At(1, 1), expectedClose, [new(At(1, 1), stage)]);

    /// <summary>A deal that went through <paramref name="stages"/> (one a week from 1 January) and closed as given.</summary>
    public static Deal Closed(int id, bool won, Instant closedAt, params DealStage[] stages)
    {
        var history = new List<StageChange<DealStage>>();
        for (int i = 0; i < stages.Length; i++)
        {
            history.Add(new(At(1, 1).Plus(Duration.FromDays(7 * i)), stages[i]));
        }

        return new(
            DealId.Of(id), RepId.Of(1), AccountId.None, Usd(100m), At(1, 1), new LocalDate(2026, 2, 1), history,
            outcome: won ? DealOutcome.Won(closedAt) : DealOutcome.Lost(closedAt));
    }

    public static StageProbabilities Probabilities(double discovery, double proposal) =>
        StageProbabilities.Of(new Dictionary<DealStage, double> { [Discovery] = discovery, [Proposal] = proposal });
}
