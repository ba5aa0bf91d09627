using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class UrinaryRulesTests : RuleTestBase
{
    [Fact, Fires("URO-001")]
    public void Evaluate_UrinaryTractSymptoms_FiresUro001() =>
        AssertBecause(AssertFires("URO-001", Trd() with { UrinaryTractSymptoms = true }), "urinaryTractSymptoms", "true");

    [Fact, Edge("URO-001")]
    public void Evaluate_NoUrinaryTractSymptoms_DoesNotFireUro001() => AssertDoesNotFire("URO-001", Trd() with { UrinaryTractSymptoms = false });

    [Fact, Edge("URO-001")]
    public void Evaluate_UrinaryTractSymptomsNotRecorded_DoesNotFireUro001() => AssertDoesNotFire("URO-001", Trd() with { UrinaryTractSymptoms = null });

    [Fact, Fires("URO-001")]
    public void Uro001_Texts_ReferAsWarrantedAsTheLabelSays()
    {
        // C4: the label says "refer as warranted", not "refer to urology".
        var f = AssertFires("URO-001", Trd() with { UrinaryTractSymptoms = true });
        Assert.DoesNotContain("urology", f.Summary + f.Detail, StringComparison.Ordinal);
        Assert.Contains("refer as warranted", f.Summary, StringComparison.Ordinal);
        Assert.Contains("referred as warranted", f.Detail, StringComparison.Ordinal);
    }
}
