using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using RulesEngine.Models;

namespace KetamineCds.Benchmarks;

/// <summary>
/// One screening with the full Domain engine (every rule of the current rule set) against the same mix evaluated by
/// ten representative rules, both in the Domain engine and as a Microsoft RulesEngine workflow. Each invocation
/// screens all 64 histories; the figures are per screening (OperationsPerInvoke). The "16,384 histories" benchmarks
/// screen that many different histories of the same kind, one after another, so that nothing the engine keeps
/// between screenings (findings and pathway results, by the values they depend on) is measured on a handful of
/// repeated inputs only; RulesEngine gets the same inputs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 5, iterationCount: 20)]
[IterationTime(200)]
public class ScreeningBenchmarks
{
    private const int ManyCount = 16_384;

    private PatientHistory[] _histories = [];
    private PatientHistory[] _many = [];
    private RuleParameter[][] _flat = [];
    private RuleParameter[][] _manyFlat = [];
    private RuleSet _tenRules = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _histories = BenchmarkHistories.Create();
        _tenRules = TenRules.DomainRuleSet();
        _rulesEngine = new RulesEngine.RulesEngine([TenRules.Workflow()], new ReSettings());
        _flat = [.. _histories.Select(h => new[] { new RuleParameter("h", FlatHistory.From(h)) })];

        _many = BenchmarkHistories.Create(ManyCount, 1);
        _manyFlat = [.. _many.Select(h => new[] { new RuleParameter("h", FlatHistory.From(h)) })];

        // The engine must give, for every history measured, the findings each rule gives on its own (the definition).
        foreach (var (set, histories) in new[] { (RuleSetCatalog.Current, _histories), (_tenRules, _histories), (RuleSetCatalog.Current, _many), (_tenRules, _many) })
        {
            foreach (var h in histories)
            {
                var expected = set.Rules.Select(r => r.Evaluate(h)).OfType<Finding>().OrderBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
                var actual = ScreeningEngine.Evaluate(h, set).Findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
                if (!expected.Select(f => f.RuleId).SequenceEqual(actual.Select(f => f.RuleId))
                    || !expected.Zip(actual).All(p => p.First.Because.SequenceEqual(p.Second.Because)))
                {
                    throw new InvalidOperationException($"{h.PatientReference}: the engine and the rules on their own disagree ({set.Version}).");
                }
            }
        }

        // The two encodings of the ten rules must agree on every history, or the comparison means nothing.
        foreach (var (histories, flat) in new[] { (_histories, _flat), (_many, _manyFlat) })
        {
            for (var i = 0; i < histories.Length; i++)
            {
                var domain = TenRules.Ids.Where(id => _tenRules.Find(id)!.Evaluate(histories[i]) is not null).Order(StringComparer.Ordinal);
                var engine = _rulesEngine.ExecuteAllRulesAsync(TenRules.WorkflowName, flat[i]).AsTask().GetAwaiter().GetResult()
                    .Where(r => r.IsSuccess).Select(r => r.Rule.RuleName).Order(StringComparer.Ordinal);
                if (!domain.SequenceEqual(engine))
                {
                    throw new InvalidOperationException($"History {i}: Domain fired [{string.Join(", ", domain)}], RulesEngine [{string.Join(", ", engine)}].");
                }
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchmarkHistories.Count, Description = "ScreeningEngine.Evaluate, all rules")]
    public int DomainEngineAllRules() => Screen(_histories, RuleSetCatalog.Current);

    [Benchmark(OperationsPerInvoke = BenchmarkHistories.Count, Description = "ScreeningEngine.Evaluate, all rules of 1.0.0")]
    public int DomainEngineAllRulesOfOneZeroZero() => Screen(_histories, RuleSetCatalog.V1_0_0);

    /// <summary>
    /// The release before the current one, in the same run: what a new release costs, apart from how fast the machine
    /// happens to be that day (the current set's median compared with this one's, not with an earlier day's figure).
    /// </summary>
    [Benchmark(OperationsPerInvoke = BenchmarkHistories.Count, Description = "ScreeningEngine.Evaluate, all rules of the previous release")]
    public int DomainEngineAllRulesOfPreviousRelease() => Screen(_histories, RuleSetCatalog.All[^2]);

    [Benchmark(OperationsPerInvoke = ManyCount, Description = "ScreeningEngine.Evaluate, all rules, 16,384 histories")]
    public int DomainEngineAllRulesManyHistories() => Screen(_many, RuleSetCatalog.Current);

    [Benchmark(OperationsPerInvoke = BenchmarkHistories.Count, Description = "ScreeningEngine.Evaluate, ten rules")]
    public int DomainEngineTenRules() => Screen(_histories, _tenRules);

    [Benchmark(OperationsPerInvoke = BenchmarkHistories.Count, Description = "RulesEngine 6.0.1, ten rules")]
    public Task<int> RulesEngineTenRules() => FireAsync(_flat);

    [Benchmark(OperationsPerInvoke = ManyCount, Description = "ScreeningEngine.Evaluate, ten rules, 16,384 histories")]
    public int DomainEngineTenRulesManyHistories() => Screen(_many, _tenRules);

    [Benchmark(OperationsPerInvoke = ManyCount, Description = "RulesEngine 6.0.1, ten rules, 16,384 histories")]
    public Task<int> RulesEngineTenRulesManyHistories() => FireAsync(_manyFlat);

    /// <summary>Screens every history with the rule set; the sum of the verdicts keeps the work from being optimized away.</summary>
    private static int Screen(PatientHistory[] histories, RuleSet rules)
    {
        var open = 0;
        foreach (var h in histories)
        {
            open += (int)ScreeningEngine.Evaluate(h, rules).Overall;
        }

        return open;
    }

    /// <summary>Runs RulesEngine's ten-rule workflow on every input and counts the rules that fired.</summary>
    private async Task<int> FireAsync(RuleParameter[][] inputs)
    {
        var fired = 0;
        foreach (var input in inputs)
        {
            foreach (var result in await _rulesEngine.ExecuteAllRulesAsync(TenRules.WorkflowName, input))
            {
                fired += result.IsSuccess ? 1 : 0;
            }
        }

        return fired;
    }
}
