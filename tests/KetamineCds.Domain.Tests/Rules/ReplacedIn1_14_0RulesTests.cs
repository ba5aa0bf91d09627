using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.14.0 restated so that they fire while the suicidal-ideation pathway cannot yet be ruled out
/// (QA184 F3; docs/clinical-review.md, section 22), as the releases before it have them: BIO-001, CV-004, HEP-003,
/// MED-005, REMS-001 to REMS-004 and SAF-001 as 1.5.0 to 1.13.0 define them. None of these definitions is in every
/// release (1.0.0 to 1.4.0 have others), so this class, at the root of the chain, declares no test: the classes of 1.5.0
/// to 1.13.0 call <see cref="AssertRuleRestated1_14_0"/> from a test that declares it.
/// </summary>
public abstract class ReplacedIn1_14_0RulesTests : ReplacedIn1_16_0RulesTests
{
    /// <summary>The nine rules, with what each reads as not recorded (none for the requirements and BIO-001).</summary>
    public static TheoryData<string> Restated1_14_0 => ["BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001"];

    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    /// <summary>
    /// The rule as the releases before 1.14.0 have it: it fires for an indicated pathway (TRD, the care items not recorded),
    /// and not for a history whose only pathway cannot yet be ruled out (passive ideation with recent behaviour not
    /// recorded, one failed trial), the history 1.14.0 lists it for.
    /// </summary>
    protected void AssertRuleRestated1_14_0(string ruleId, string test)
    {
        Assert.DoesNotContain("cannot yet be ruled out", RuleSet[ruleId].ConditionText, StringComparison.Ordinal);
        AssertFires(ruleId, Trd(), test);
        AssertDoesNotFire(ruleId, SuicidalPathwayNotRuledOut(), test);
    }

    /// <summary>MDD in an episode, one failed trial, passive ideation with recent behaviour not recorded; the care items not recorded.</summary>
    internal static PatientHistory SuicidalPathwayNotRuledOut() =>
        Suicidal(Suicidality.PassiveIdeation) with { FailedAdequateTrials = 1, PreparatoryActsOrAbortedAttempt = null };
}
