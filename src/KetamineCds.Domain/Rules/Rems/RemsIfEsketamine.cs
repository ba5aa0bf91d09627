namespace KetamineCds.Domain.Rules.Rems;

/// <summary>
/// What an off-label pathway's indication rule says of esketamine from rule set 1.18.0 (BIP-001, INV-001; Question E of
/// docs/clinical-review.md, section 24): REMS-001 and REMS-004 fire only on the esketamine pathways, so the bipolar and
/// PTSD/OCD pathways say that the REMS still applies if esketamine is chosen, with REMS-001's and REMS-004's reading of the
/// jurisdiction (P-SAFETY-REMS, SPRAVATO-REMS).
/// </summary>
internal static class RemsIfEsketamine
{
    /// <summary>The sentence, in the words of REMS-001 and REMS-004; the sources read are silent on off-label use.</summary>
    public const string Sentence =
        "If esketamine is chosen, the REMS still applies as on the esketamine pathways: a certified setting, and every dose taken there under observation, never at home (REMS-001, REMS-004; the US programme, which this clinic applies in every jurisdiction). The sources read do not speak of off-label use; applying it here is the safer reading.";
}
