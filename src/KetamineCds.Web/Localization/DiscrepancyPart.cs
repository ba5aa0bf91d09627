namespace KetamineCds.Web.Localization;

/// <summary>The texts of a discrepancy (D1 to D9) that are translated.</summary>
public enum DiscrepancyPart
{
    Subject,
    Disagreement,
    Reading,
}
