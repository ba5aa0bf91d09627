using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// HEP-002 as rule sets 1.0.0 to 1.8.0 have it, a requirement, which 1.9.0 replaced with a caution (docs/clinical-review.md,
/// section 17; QA148 F3): declared once, each release's class inherits it and runs it with its own rule set (and the
/// tests of the rules 1.11.0 replaced, from <see cref="ReplacedIn1_11_0RulesTests"/>).
/// </summary>
public abstract class ReplacedIn1_9_0RulesTests : ReplacedIn1_11_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    [Fact, Fires("HEP-002"), Edge("HEP-002")]
    public void Evaluate_ModerateHepaticImpairment_FiresHep002AsARequirementAndNotForMild()
    {
        var f = AssertFires("HEP-002", Trd() with { HepaticImpairment = HepaticImpairment.Moderate });
        Assert.Equal(FindingKind.Requirement, f.Kind);
        AssertDoesNotFire("HEP-002", Trd() with { HepaticImpairment = HepaticImpairment.Mild });
    }
}
