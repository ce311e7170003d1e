using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.SampleData;

internal sealed partial class Generator
{
    private const int OpeningPipelineDays = 90;

    private Deal[] _deals = [];
    private long[] _dealCreated = [];
    private long[] _dealClosed = [];
    private int[] _dealOwner = [];
    private int[] _dealAccount = [];
    private bool[] _dealExpansion = [];
    private long[] _dealWonAmount = [];

    private static Money Usd(long amount) => Money.Of(amount, Currency.Usd);

    private void GenerateDeals()
    {
        int count = _options.ResolvedDeals;
        var rng = new Xoshiro256(_seed, DealTimeStream);
        int firstDay = _time.StartDay - OpeningPipelineDays;
        long[] days = CumulativeDayWeights(firstDay, _time.EndDay, d => (int)_time.DayOfWeek(d) >= 6 ? 0 : 100);
        var keys = new (long Ticks, int Index)[count];
        var owners = new int[count];
        var accounts = new int[count];
        var expansion = new bool[count];
        for (int i = 0; i < count; i++)
        {
            bool isExpansion = _baseCustomers.Length > 0 && (_prospects.Length == 0 || rng.Chance(0.25));
            int account = isExpansion ? _baseCustomers[rng.NextInt(_baseCustomers.Length)] : _prospects[rng.NextInt(_prospects.Length)];
            AccountPlan plan = _accounts[account];
            int day = firstDay + SampleDay(days, ref rng);
            int owner = -1;
            for (int attempt = 0; attempt < 4; attempt++)
            {
                owner = isExpansion && plan.Owner >= 0 && _reps[plan.Owner].RoleOn(day) == RepRole.AccountManager
                    ? plan.Owner
                    : PickRep(plan.Region, isExpansion ? RepRole.AccountManager : RepRole.Ae, day, ref rng);
                RepPlan rep = _reps[owner];
                RepRole role = rep.RoleOn(day);
                int working = _time.NextWorkingDay(rep.Calendar, day);
                if (working < _time.EndDay && rep.RoleOn(working) == role)
                {
                    day = working;
                    break;
                }

                day = PreviousWorkingDay(rep.Calendar, day);
            }

            RepPlan chosen = _reps[owner];
            long ticks = _time.LocalTicks(chosen.Zone, day, (9 * 3600) + rng.NextInt(8 * 3600));
            keys[i] = (ticks, i);
            owners[i] = owner;
            accounts[i] = account;
            expansion[i] = isExpansion;
        }

        Array.Sort(keys);

        rng = new Xoshiro256(_seed, DealStream);
        var lossChoice = new WeightedChoice(Catalog.LossReasonWeights);
        _deals = new Deal[count];
        _dealCreated = new long[count];
        _dealClosed = new long[count];
        _dealOwner = new int[count];
        _dealAccount = new int[count];
        _dealExpansion = new bool[count];
        _dealWonAmount = new long[count];
        var stages = new List<StageChange<DealStage>>(8);
        var amounts = new List<ValueChange<Money>>(4);
        var closeDates = new List<ValueChange<LocalDate>>(8);
        for (int id = 0; id < count; id++)
        {
            int i = keys[id].Index;
            long created = keys[id].Ticks;
            int owner = owners[i];
            int account = accounts[i];
            bool isExpansion = expansion[i];
            RepPlan rep = _reps[owner];
            AccountPlan plan = _accounts[account];
            int zone = rep.Zone;
            int calendar = rep.Calendar;
            long end = _time.EventEnd(zone);

            long amount = RoundTo(
                rng.LogNormal(18_000.0 * Catalog.BandDealSize[plan.Band], 0.7) * (isExpansion ? 0.35 : 1.0) * DeterministicMath.Pow(rep.Skill, 0.2),
                100,
                500);
            double size = DeterministicMath.Pow(amount / 20_000.0, 0.15);
            double fit = Math.Sqrt(rep.Skill * Catalog.IndustryFactor[plan.Industry]) * (isExpansion ? 1.25 : 1.0);

            stages.Clear();
            amounts.Clear();
            closeDates.Clear();
            stages.Add(new StageChange<DealStage>(Instant.FromUnixTimeTicks(created), _stages[0]));
            int stage = 0;
            long t = created;
            bool regressed = false;
            DealStatus status = DealStatus.Open;
            long closedAt = 0;
            string? lossReason = null;
            while (true)
            {
                long next = _time.WorkingMoment(zone, calendar, t, Math.Max(1, Lag(ref rng, Catalog.StageLagDays[stage] * size, 0.6)), ref rng);
                if (next >= end)
                {
                    break;
                }

                if (stage < 3)
                {
                    if (rng.Chance(Probability(Catalog.StageAdvance[stage] * fit)))
                    {
                        stage++;
                        t = next;
                        stages.Add(new StageChange<DealStage>(Instant.FromUnixTimeTicks(t), _stages[stage]));
                        if (stage >= 2 && rng.Chance(0.3))
                        {
                            long changed = RoundTo(amount * (0.75 + (0.5 * rng.NextDouble())), 100, 500);
                            if (changed != amount)
                            {
                                amounts.Add(new ValueChange<Money>(Instant.FromUnixTimeTicks(t), Usd(amount), Usd(changed)));
                                amount = changed;
                            }
                        }

                        if (stage == 2 && !regressed && rng.Chance(0.04))
                        {
                            // Back to a second demo: the deal enters Demo again.
                            long back = _time.WorkingMoment(zone, calendar, t, rng.NextInt(3, 10), ref rng);
                            if (back >= end)
                            {
                                break;
                            }

                            stage = 1;
                            regressed = true;
                            t = back;
                            stages.Add(new StageChange<DealStage>(Instant.FromUnixTimeTicks(t), _stages[stage]));
                        }

                        continue;
                    }

                    if (rng.Chance(0.85))
                    {
                        status = DealStatus.Lost;
                        closedAt = next;
                        lossReason = Catalog.LossReasons[lossChoice.Sample(ref rng)];
                    }

                    break;
                }

                closedAt = next;
                if (rng.Chance(Probability(0.68 * fit)))
                {
                    status = DealStatus.Won;
                }
                else
                {
                    status = DealStatus.Lost;
                    lossReason = Catalog.LossReasons[lossChoice.Sample(ref rng)];
                }

                break;
            }

            bool missingAmount = status == DealStatus.Open && stage == 0 && rng.Chance(0.2);
            if (missingAmount)
            {
                amounts.Clear();
            }

            // Expected close: planned from the deal's size, pushed out each time it passes while the deal is open
            // (unless the owner neglects the deal), and set to the actual close date when the deal closes.
            int expected = _time.DayOf(zone, created) + (int)Math.Round(39.0 * size * 1.1) + rng.NextInt(11);
            long horizon = status == DealStatus.Open ? end : closedAt;
            bool neglected = status == DealStatus.Open && rng.Chance(0.25);
            long lastChange = created;
            for (int push = 0; push < 6 && !neglected; push++)
            {
                long at = _time.WorkingMoment(zone, calendar, _time.LocalTicks(zone, expected, 6 * 3600), 0, ref rng);
                if (at >= horizon || at <= lastChange)
                {
                    break;
                }

                int pushed = expected + rng.NextInt(14, 45);
                closeDates.Add(new ValueChange<LocalDate>(Instant.FromUnixTimeTicks(at), _time.Date(expected), _time.Date(pushed)));
                expected = pushed;
                lastChange = at;
            }

            if (status != DealStatus.Open)
            {
                int closeDay = _time.DayOf(zone, closedAt);
                if (closeDay != expected)
                {
                    closeDates.Add(new ValueChange<LocalDate>(Instant.FromUnixTimeTicks(closedAt), _time.Date(expected), _time.Date(closeDay)));
                    expected = closeDay;
                }
            }

            ForecastCategory category = status switch
            {
                DealStatus.Won => ForecastCategory.Closed,
                DealStatus.Lost => ForecastCategory.Omitted,
                _ => OpenCategory(stage, ref rng),
            };
            DealOutcome outcome = status switch
            {
                DealStatus.Won => DealOutcome.Won(Instant.FromUnixTimeTicks(closedAt)),
                DealStatus.Lost => DealOutcome.Lost(Instant.FromUnixTimeTicks(closedAt), lossReason),
                _ => DealOutcome.Open,
            };

            _deals[id] = new Deal(
                DealId.Of(id),
                RepId.Of(owner),
                AccountId.Of(account),
                missingAmount ? null : Usd(amount),
                Instant.FromUnixTimeTicks(created),
                _time.Date(expected),
                stages,
                category,
                outcome,
                closeDates,
                amounts,
                plan.Name + (isExpansion ? " - Expansion" : " - New business"));
            _dealCreated[id] = created;
            _dealClosed[id] = status == DealStatus.Open ? long.MaxValue : closedAt;
            _dealOwner[id] = owner;
            _dealAccount[id] = account;
            _dealExpansion[id] = isExpansion;
            if (status == DealStatus.Won)
            {
                _dealWonAmount[id] = amount;
                plan.WonDeals.Add((_time.DayOf(zone, closedAt) + rng.NextInt(1, 14), Math.Max(10L, (long)Math.Round(amount / 12.0)), id));
            }
        }
    }

    private static ForecastCategory OpenCategory(int stage, ref Xoshiro256 rng)
    {
        int u = rng.NextInt(100);
        return stage switch
        {
            0 => u < 90 ? ForecastCategory.Pipeline : ForecastCategory.Omitted,
            1 => u < 70 ? ForecastCategory.Pipeline : u < 95 ? ForecastCategory.BestCase : ForecastCategory.Omitted,
            2 => u < 20 ? ForecastCategory.Pipeline : u < 75 ? ForecastCategory.BestCase : ForecastCategory.Commit,
            _ => u < 70 ? ForecastCategory.Commit : ForecastCategory.BestCase,
        };
    }

    private int PreviousWorkingDay(int calendar, int day)
    {
        for (int d = day - 1; d > 0; d--)
        {
            if (_time.IsWorking(calendar, d))
            {
                return d;
            }
        }

        return day;
    }
}
