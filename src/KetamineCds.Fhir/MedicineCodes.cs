using KetamineCds.Fhir.Mappings;

namespace KetamineCds.Fhir;

/// <summary>
/// The medicine codes the service knows: the codes of the medication value sets the field catalogue reads (RxNorm today,
/// each with its source). A medicine coded otherwise is one the service cannot identify by its code: the reader names it
/// for the clinician to check (<see cref="ChartCheckKind.MedicineCodeNotRead"/>, <see cref="ChartCheckKind.MedicineCodeNotListed"/>),
/// and the order-sign hook, without words to read either, says it could not identify the order (QA281 F3, F4).
/// </summary>
public static class MedicineCodes
{
    private static readonly Lazy<KetamineCds.Fhir.ValueSets.ValueSet[]> Sets = new(() =>
        [.. FieldReaders.All.Where(r => r.ValueSet.Read.From == "medication").Select(r => r.ValueSet).Distinct()]);

    /// <summary>Whether a medication value set holds <paramref name="code"/> in <paramref name="system"/>.</summary>
    public static bool Listed(string? system, string? code) => Sets.Value.Any(set => set.Match(system, code) is not null);
}
