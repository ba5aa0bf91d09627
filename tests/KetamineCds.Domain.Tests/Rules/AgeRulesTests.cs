using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class AgeRulesTests : RuleTestBase
{
    [Fact, Fires("AGE-001")]
    public void Evaluate_Age17_FiresAge001()
    {
        var f = AssertFires("AGE-001", Trd() with { AgeYears = 17 });
        AssertBecause(f, "ageYears", "17");
    }

    [Fact, Edge("AGE-001")]
    public void Evaluate_Age18_DoesNotFireAge001() => AssertDoesNotFire("AGE-001", Trd() with { AgeYears = 18 });

    [Theory, Fires("AGE-002")]
    [InlineData(18)]
    [InlineData(24)]
    public void Evaluate_AgeFrom18To24_FiresAge002AsAModerateBoxedWarning(int age)
    {
        var f = AssertFires("AGE-002", Trd() with { AgeYears = age });
        Assert.Equal(Severity.Moderate, f.Severity);
        Assert.Contains("boxed warning", f.Summary, StringComparison.Ordinal);
    }

    // 1.25.0 (section 37; QA272 F7): the summary said "Aged 24 or under" where the condition is 18 to 24 (as reviewed).
    [Fact, Fires("AGE-002")]
    public void Evaluate_Age18_Age002SummarySaysTheAgesItFiresFor()
    {
        var f = AssertFires("AGE-002", Trd() with { AgeYears = 18 });
        Assert.StartsWith("Aged 18 to 24: a boxed warning", f.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("or under", f.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Aged 24 or under:", RuleSetCatalog.V1_24_0["AGE-002"].Summary, StringComparison.Ordinal);
    }

    [Theory, Edge("AGE-002")]
    [InlineData(17)]
    [InlineData(25)]
    public void Evaluate_AgeOutside18To24_DoesNotFireAge002(int age) => AssertDoesNotFire("AGE-002", Trd() with { AgeYears = age });

    [Fact, Fires("AGE-003")]
    public void Evaluate_EuTrdAged65_FiresAge003() => AssertFires("AGE-003", Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 65 });

    // 1.27.0 (QA293; docs/clinical-review.md, section 39): the 28 mg start was read in Hong Kong's product information (the fact
    // base's "EU/HK labelling", label-and-literature.md section 1.6), not in the EU SmPC text read (section 1.10): cite that.
    [Fact, Fires("AGE-003")]
    public void Evaluate_EuTrdAged65_Age003CitesWhereTheDoseWasRead()
    {
        var f = AssertFires("AGE-003", Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 65 });
        Assert.Equal([Citations.SpravatoPiHk], f.Sources);
        Assert.True(Citations.IsSource(Citations.SpravatoPiHk));
        Assert.Contains("it was read in the Hong Kong product information, not in the EU Summary of Product Characteristics text read for this app", f.Detail, StringComparison.Ordinal);
        Assert.Equal("EU: patients aged 65 or over start TRD treatment at a lower dose (28 mg).", f.Summary);
        Assert.Equal([Citations.SpravatoSmpcEu], RuleSetCatalog.V1_26_0["AGE-003"].Sources);
    }

    [Fact, Edge("AGE-003")]
    public void Evaluate_EuTrdAged64_DoesNotFireAge003() => AssertDoesNotFire("AGE-003", Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 64 });

    [Fact, Edge("AGE-003")]
    public void Evaluate_UsTrdAged70_DoesNotFireAge003() => AssertDoesNotFire("AGE-003", Trd() with { Jurisdiction = Jurisdiction.Us, AgeYears = 70 });
}
