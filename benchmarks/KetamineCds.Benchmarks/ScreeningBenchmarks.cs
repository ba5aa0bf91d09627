using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using RulesEngine.Models;

namespace KetamineCds.Benchmarks;

/// <summary>
/// One screening with the full Domain engine (every rule of the current rule set) against the same mix evaluated by
/// ten representative rules, both in the Domain engine and as a Microsoft RulesEngine workflow. Each invocation
/// screens all 64 histories; the figures are per screening (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 5, iterationCount: 20)]
[IterationTime(200)]
public class ScreeningBenchmarks
{
    private PatientHistory[] _histories = [];
    private RuleParameter[][] _flat = [];
    private RuleSet _tenRules = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _histories = BenchmarkHistories.Create();
        _tenRules = TenRules.DomainRuleSet();
        _rulesEngine = new RulesEngine.RulesEngine([TenRules.Workflow()], new ReSettings());
        _flat = [.. _histories.Select(h => new[] { new RuleParameter("h", FlatHistory.From(h)) })];

        // The two encodings of the ten rules must agree on every history, or the comparison means nothing.
        for (var i = 0; i < _histories.Length; i++)
        {
            var domain = TenRules.Ids.Where(id => _tenRules.Find(id)!.Evaluate(_histories[i]) is not null).Order(StringComparer.Ordinal);
            var engine = _rulesEngine.ExecuteAllRulesAsync(TenRules.WorkflowName, _flat[i]).AsTask().GetAwaiter().GetResult()
                .Where(r => r.IsSuccess).Select(r => r.Rule.RuleName).Order(StringComparer.Ordinal);
            if (!domain.SequenceEqual(engine))
            {
                throw new InvalidOperationException($"History {i}: Domain fired [{string.Join(", ", domain)}], RulesEngine [{string.Join(", ", engine)}].");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchmarkHistories.Count, Description = "ScreeningEngine.Evaluate, all rules")]
    public int DomainEngineAllRules()
    {
        var open = 0;
        foreach (var h in _histories)
        {
            open += (int)ScreeningEngine.Evaluate(h).Overall;
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkHistories.Count, Description = "ScreeningEngine.Evaluate, ten rules")]
    public int DomainEngineTenRules()
    {
        var open = 0;
        foreach (var h in _histories)
        {
            open += (int)ScreeningEngine.Evaluate(h, _tenRules).Overall;
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkHistories.Count, Description = "RulesEngine 6.0.1, ten rules")]
    public async Task<int> RulesEngineTenRules()
    {
        var fired = 0;
        foreach (var input in _flat)
        {
            foreach (var result in await _rulesEngine.ExecuteAllRulesAsync(TenRules.WorkflowName, input))
            {
                fired += result.IsSuccess ? 1 : 0;
            }
        }

        return fired;
    }
}
