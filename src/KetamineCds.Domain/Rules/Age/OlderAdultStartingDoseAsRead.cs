using KetamineCds.Domain.Principles;

namespace KetamineCds.Domain.Rules.Age;

/// <summary>
/// AGE-003 from 1.27.0 (QA293; docs/clinical-review.md, section 39): the same information, citing where the fact base read
/// the 28 mg start at 65 or over. It cited the EU Summary of Product Characteristics (SPRAVATO-SMPC-EU), whose text as read
/// (label-and-literature.md section 1.10) does not give the dose; the fact base reports it as "EU/HK labelling" and read it
/// in the Hong Kong product information (section 1.6, SPRAVATO-PI-HK). The detail says so. Condition, kind, severity and
/// summary are 1.0.0's (derived from <see cref="EuOlderAdultStartingDose"/>).
/// </summary>
public sealed class OlderAdultStartingDoseAsRead : EuOlderAdultStartingDose
{
    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiHk];

    public override string Detail =>
        "The 28 mg start on day 1 for TRD at 65 or over (then 28, 56 or 84 mg) is reported for EU and Hong Kong labelling; it was read in the Hong Kong product information, not in the EU Summary of Product Characteristics text read for this app. Whether the US label has a separate starting dose for this age group is not confirmed (see To verify on the Rules page).";
}
