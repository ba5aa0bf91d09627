using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.16.0 replaced so that an unrecorded life-limiting illness is never read as "no" (docs/clinical-review.md,
/// section 26), as the releases before it have them: PAL-001 (1.2.0's definition in 1.2.0 to 1.15.0), KET-002 (1.1.0 to
/// 1.15.0), REC-005 (1.13.0's words, in 1.13.0 to 1.15.0) and the seven rules 1.14.0 restated for every pathway (BIO-001,
/// CV-004, HEP-003, MED-005, REMS-002, REMS-003, SAF-001; 1.14.0 and 1.15.0). None is in every release, so this class, at
/// the root of the chain, declares no test: the release classes call <see cref="AssertRuleReplaced1_16_0"/> from a test
/// that declares the rules that release has.
/// </summary>
public abstract class ReplacedIn1_16_0RulesTests : ReplacedIn1_17_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    /// <summary>
    /// The rule as the releases before 1.16.0 have it: it fires for its pathway indicated (a prognosis of 8 weeks for PAL-001
    /// and REC-005, TRD for the others, the care and safety items not recorded), and not for MDD in an episode with no failed
    /// trial and the life-limiting illness not recorded, the history 1.16.0 keeps waiting.
    /// </summary>
    protected void AssertRuleReplaced1_16_0(string ruleId, string test)
    {
        Assert.DoesNotContain("(PAL-001)", RuleSet[ruleId].ConditionText, StringComparison.Ordinal);
        Assert.DoesNotContain("life-limiting illness is not recorded", RuleSet[ruleId].ConditionText, StringComparison.Ordinal);
        var fires = ruleId switch
        {
            "PAL-001" => Palliative(8),
            "REC-005" => Palliative(4) with { FailedAdequateTrials = 0 },
            "KET-002" or "BIO-001" or "CV-004" or "HEP-003" or "MED-005" or "REMS-002" or "REMS-003" or "SAF-001" => Trd(),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a rule 1.16.0 replaced"),
        };
        AssertFires(ruleId, fires, test);
        AssertDoesNotFire(ruleId, PalliativePathwayNotRuledOut(), test);
    }

    /// <summary>MDD in an episode, no failed trial, no suicidality, the life-limiting illness and the care items not recorded.</summary>
    internal static PatientHistory PalliativePathwayNotRuledOut() => Adult() with { FailedAdequateTrials = 0 };
}
