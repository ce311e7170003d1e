using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.SampleData;

internal sealed partial class Generator
{
    private AccountPlan[] _accounts = [];
    private int[] _prospects = [];
    private int[] _baseCustomers = [];

    private static int BandIndex(int employees)
    {
        ReadOnlySpan<int> bounds = Catalog.BandLowerBounds;
        for (int i = bounds.Length - 1; i > 0; i--)
        {
            if (employees >= bounds[i])
            {
                return i;
            }
        }

        return 0;
    }

    private static long RoundTo(double value, long unit, long minimum) =>
        Math.Max(minimum, (long)Math.Round(value / unit) * unit);

    private void GenerateAccounts()
    {
        int count = _options.ResolvedAccounts;
        var rng = new Xoshiro256(_seed, AccountStream);
        var regionChoice = new WeightedChoice(Catalog.RegionWeights);
        var industryChoice = new WeightedChoice(Catalog.IndustryWeights);
        var countryChoice = new WeightedChoice[Catalog.RegionCount];
        for (int r = 0; r < Catalog.RegionCount; r++)
        {
            countryChoice[r] = new WeightedChoice(Catalog.CountryWeights[r]);
        }

        int wordOffset = rng.NextInt(Catalog.CompanyWords.Length);
        int nounOffset = rng.NextInt(Catalog.CompanyNouns.Length);
        _accounts = new AccountPlan[count];
        var prospects = new List<int>();
        var customers = new List<int>();
        for (int i = 0; i < count; i++)
        {
            // The first six accounts give every region at least one customer and one prospect.
            int region = i < 6 ? i % 3 : regionChoice.Sample(ref rng);
            bool isBase = i < 6 ? i < 3 : rng.Chance(0.35);
            int country = countryChoice[region].Sample(ref rng);
            int employees = (int)Math.Clamp(Math.Round(rng.LogNormal(150.0, 1.7)), 1.0, 250_000.0);
            var plan = new AccountPlan
            {
                Region = region,
                Country = country,
                Industry = industryChoice.Sample(ref rng),
                Employees = employees,
                Band = BandIndex(employees),
                Name = CompanyName(i, region, country, wordOffset, nounOffset),
                IsBaseCustomer = isBase,
                Engagement = Math.Clamp(rng.LogNormal(1.0, 0.45), 0.2, 3.0),
            };
            if (isBase)
            {
                plan.Owner = PickRep(region, RepRole.AccountManager, _time.EndDay - 1, ref rng);
                customers.Add(i);
            }
            else
            {
                prospects.Add(i);
            }

            _accounts[i] = plan;
        }

        _prospects = [.. prospects];
        _baseCustomers = [.. customers];
    }

    private static string CompanyName(int index, int region, int country, int wordOffset, int nounOffset)
    {
        int words = Catalog.CompanyWords.Length;
        int nouns = Catalog.CompanyNouns.Length;
        int w = (index + wordOffset) % words;
        int n = ((index / words) + (3 * w) + nounOffset) % nouns;
        int round = index / (words * nouns);
        string form = Catalog.LegalForms[region][country];
        return round == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Catalog.CompanyWords[w]} {Catalog.CompanyNouns[n]} {form}")
            : string.Create(CultureInfo.InvariantCulture, $"{Catalog.CompanyWords[w]} {Catalog.CompanyNouns[n]} {round + 1} {form}");
    }

    private void GenerateSubscriptions()
    {
        var rng = new Xoshiro256(_seed, SubscriptionStream);
        var monthStarts = new int[_options.Months + 1];
        for (int m = 0; m <= _options.Months; m++)
        {
            monthStarts[m] = _time.DayOf(_time.StartDate.PlusMonths(m));
        }

        int nextUser = 0;
        foreach (AccountPlan account in _accounts)
        {
            account.WonDeals.Sort();
            var state = new SubscriptionState(account, _time);
            if (account.IsBaseCustomer)
            {
                int startDay = _time.StartDay - 30 - rng.NextInt(1066);
                account.Interval = rng.Chance(0.4) ? BillingInterval.Annual : BillingInterval.Monthly;
                long mrr = RoundTo(rng.LogNormal(900.0 * Catalog.BandMrr[account.Band], 0.6), 10, 50);
                state.Change(startDay, mrr);
                if (rng.Chance(0.3) && _time.StartDay - startDay > 2)
                {
                    int day = startDay + 1 + rng.NextInt(_time.StartDay - startDay - 1);
                    state.Change(day, RoundTo(mrr * (1.1 + (0.3 * rng.NextDouble())), 10, 50));
                }
            }

            int won = 0;
            for (int m = 0; m < _options.Months; m++)
            {
                int monthStart = monthStarts[m];
                int monthEnd = monthStarts[m + 1];
                while (won < account.WonDeals.Count && account.WonDeals[won].Day < monthEnd)
                {
                    (int day, long dealMrr, _) = account.WonDeals[won++];
                    day = Math.Max(day, state.LastDay + 1);
                    if (day >= _time.EndDay)
                    {
                        continue;
                    }

                    if (!state.Ever)
                    {
                        account.Interval = rng.Chance(0.5) ? BillingInterval.Annual : BillingInterval.Monthly;
                    }

                    state.Change(day, state.Live ? state.Mrr + dealMrr : dealMrr);
                }

                if (state.LastDay >= monthStart || !state.Ever)
                {
                    continue;
                }

                int movementDay = monthStart + rng.NextInt(monthEnd - monthStart);
                double u = rng.NextDouble();
                double v = rng.NextDouble();
                double e = account.Engagement;
                if (state.Live)
                {
                    double churn = Math.Clamp(0.011 / e, 0.002, 0.05);
                    double expand = Math.Clamp(0.02 * e, 0.005, 0.06);
                    double contract = Math.Clamp(0.01 / e, 0.002, 0.04);
                    if (u < churn)
                    {
                        state.Change(movementDay, 0);
                    }
                    else if (u < churn + expand)
                    {
                        state.Change(movementDay, RoundTo(state.Mrr * (1.1 + (0.4 * v)), 10, 10));
                    }
                    else if (u < churn + expand + contract)
                    {
                        state.Change(movementDay, RoundTo(state.Mrr * (0.6 + (0.3 * v)), 10, 10));
                    }
                }
                else if (u < 0.06)
                {
                    state.Change(movementDay, RoundTo(state.LastPositiveMrr * (0.8 + (0.2 * v)), 10, 10));
                }
            }

            state.Finish();
            if (account.EverCustomer)
            {
                if (account.Owner < 0)
                {
                    account.Owner = PickRep(account.Region, RepRole.AccountManager, _time.EndDay - 1, ref rng);
                }

                account.Users = (int)Math.Clamp(Math.Round(rng.LogNormal(2.0 + (0.6 * Math.Sqrt(account.Employees)), 0.4)), 1.0, 400.0);
                account.FirstUser = nextUser;
                nextUser += account.Users;
            }
        }

    }

    private Account[] BuildAccounts()
    {
        var accounts = new Account[_accounts.Length];
        for (int i = 0; i < accounts.Length; i++)
        {
            AccountPlan plan = _accounts[i];
            var profile = new IcpProfile(
                Catalog.Industries[plan.Industry],
                plan.Employees,
                Catalog.Countries[plan.Region][plan.Country],
                Catalog.RegionCodes[plan.Region]);
            accounts[i] = new Account(
                AccountId.Of(i),
                plan.Name,
                profile,
                plan.Subscription,
                plan.Owner < 0 ? RepId.None : RepId.Of(plan.Owner));
        }

        return accounts;
    }

    /// <summary>Tracks an account's subscription while its history is generated.</summary>
    private sealed class SubscriptionState(AccountPlan account, TimeTable time)
    {
        internal long Mrr { get; private set; }

        internal long LastPositiveMrr { get; private set; }

        internal bool Live { get; private set; }

        internal bool Ever { get; private set; }

        internal int LastDay { get; private set; } = int.MinValue / 2;

        internal void Change(int day, long mrr)
        {
            if (day <= LastDay || day >= time.EndDay || mrr == Mrr)
            {
                return;
            }

            account.Subscription.Add(new SubscriptionChange(time.Date(day), Money.Of(mrr * (int)account.Interval, Currency.Usd), account.Interval));
            if (mrr > 0 && !Live)
            {
                account.Live.Add(day);
            }
            else if (mrr == 0 && Live)
            {
                account.Live.Add(day);
            }

            Live = mrr > 0;
            Ever |= Live;
            if (mrr > 0)
            {
                LastPositiveMrr = mrr;
            }

            Mrr = mrr;
            LastDay = day;
        }

        internal void Finish()
        {
            if (Live)
            {
                account.Live.Add(int.MaxValue);
            }
        }
    }
}
