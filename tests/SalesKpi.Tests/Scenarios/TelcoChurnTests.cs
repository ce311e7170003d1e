using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Scenarios;

/// <summary>
/// End to end on IBM's Telco customer churn sample (7,043 subscribers; shared data <c>saas/telco</c>): each customer is
/// an account whose subscription started <c>tenure</c> months before the as-of date at its monthly charge and, when it
/// churned, stopped in the last month. The month-end MRR (a last value per account, semi-additive) and the churn rate
/// by contract equal figures computed from the CSV independently of the library.
/// </summary>
/// <remarks>
/// The expected figures were computed from the CSV with a short Python script (standard library, exact decimals):
/// the sum of <c>MonthlyCharges</c> of the customers with <c>Churn = No</c>, overall and per <c>Contract</c>, and the
/// share of <c>Churn = Yes</c> per <c>Contract</c>.
/// </remarks>
public sealed class TelcoChurnTests
{
    private static readonly LocalDate AsOf = new(2026, 1, 31);

    private static readonly Lazy<(SalesFacts Facts, Dictionary<AccountId, (string Contract, bool Churned)> Customers)> Telco = new(Load);

    /// <summary>A change of an account's MRR, the fact the month-end MRR is taken over.</summary>
    private readonly record struct MrrChange(AccountId Account, Instant At, decimal Mrr, string Contract);

    [Fact]
    public void The_subscribers_load_without_data_quality_issues()
    {
        var facts = Telco.Value.Facts;

        Assert.Equal(7_043, facts.Accounts.Count);
        Assert.Empty(DataQualityCheck.Run(facts).Issues);
    }

    [Fact]
    public void Month_end_mrr_is_the_last_value_per_account_and_equals_the_independent_sums()
    {
        var changes = Changes();
        var mrr = Metric.LastValue<MrrChange>(c => c.Account.Value, c => c.At, c => c.Mrr);

        Assert.Equal(316_985.75m, mrr.Evaluate(changes)[Ungrouped.All].ExactValue);

        var byContract = mrr.By(c => c.Contract).Evaluate(changes);
        Assert.Equal(136_447.05m, byContract["Month-to-month"].ExactValue);
        Assert.Equal(81_698.15m, byContract["One year"].ExactValue);
        Assert.Equal(98_840.55m, byContract["Two year"].ExactValue);
    }

    [Theory]
    [InlineData("Month-to-month", 3_875, 1_655)]
    [InlineData("One year", 1_473, 166)]
    [InlineData("Two year", 1_695, 48)]
    public void Churn_rate_by_contract_equals_the_independent_counts(string contract, int customers, int churned)
    {
        var accounts = Telco.Value.Customers.Values.ToArray();

        var rate = Metric.Rate<(string Contract, bool Churned)>(c => c.Churned).By(c => c.Contract).Evaluate(accounts)[contract];

        Assert.Equal(churned, rate.Numerator!.Value);
        Assert.Equal(customers, rate.Denominator!.Value);
        Assert.Equal((double)churned / customers, rate.Value!.Value, 12);
        Assert.True(rate.Interval is { } interval && interval.Lower < rate.Value && rate.Value < interval.Upper);
    }

    /// <summary>Every account's subscription changes, each with the account's contract.</summary>
    private static MrrChange[] Changes()
    {
        var (facts, customers) = Telco.Value;
        return
        [
            .. facts.Accounts.SelectMany(account => account.SubscriptionHistory.Select(change => new MrrChange(
                account.Id,
                change.EffectiveDate.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
                change.Amount.Amount,
                customers[account.Id].Contract))),
        ];
    }

    private static (SalesFacts Facts, Dictionary<AccountId, (string Contract, bool Churned)> Customers) Load()
    {
        var ids = new IdentityMap<AccountId>(StringComparer.Ordinal);
        var accounts = new List<Account>();
        var customers = new Dictionary<AccountId, (string, bool)>();
        foreach (string[] cells in Csv.Records(SharedData.File("saas", "telco", "WA_Fn-UseC_-Telco-Customer-Churn.csv")))
        {
            var id = ids.GetOrAdd(cells[0]);
            int tenure = int.Parse(cells[5], CultureInfo.InvariantCulture);
            decimal charge = decimal.Parse(cells[18], CultureInfo.InvariantCulture);
            bool churned = cells[20] switch
            {
                "Yes" => true,
                "No" => false,
                _ => throw new FormatException($"Customer {cells[0]} has Churn '{cells[20]}'."),
            };

            // Subscribed tenure months ago (this month for a tenure of 0); a churned customer stopped in the last month.
            var history = new List<SubscriptionChange> { new(AsOf.PlusMonths(-tenure), Money.Of(charge, Currency.Usd)) };
            if (churned)
            {
                history.Add(new SubscriptionChange(AsOf.PlusDays(-15), Money.Zero(Currency.Usd)));
            }

            accounts.Add(new Account(id, cells[0], subscriptionHistory: history));
            customers.Add(id, (cells[15], churned));
        }

        return (new SalesFacts(accounts: accounts), customers);
    }
}
