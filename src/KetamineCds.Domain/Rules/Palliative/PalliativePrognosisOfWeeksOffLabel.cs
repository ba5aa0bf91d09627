namespace KetamineCds.Domain.Rules.Palliative;

/// <summary>PAL-001: Prognosis of weeks: a conventional antidepressant may act too late, so a rapid-acting treatment is reasonable. (P-PALLIATIVE, IRWIN-2013) From 1.2.0 it says the pathway is off-label (discrepancy D9).</summary>
public sealed class PalliativePrognosisOfWeeksOffLabel : PalliativePrognosisOfWeeks
{
    public override string Detail =>
        "Conventional antidepressants take weeks to work, which may be longer than the patient has. The pathway is off-label (discrepancy D9): as with any off-label ketamine use, the clinic's protocol and informed consent apply. The supporting evidence is small open-label and retrospective work with oral or subcutaneous racemic ketamine, not randomised trials and not esketamine (discrepancy D9); if esketamine is chosen, the REMS monitoring still applies.";
}
