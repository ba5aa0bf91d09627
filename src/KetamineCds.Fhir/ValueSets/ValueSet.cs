namespace KetamineCds.Fhir.ValueSets;

/// <summary>
/// One value set kept as data in <c>ValueSets/*.json</c> (embedded): the codes that decide a screening field, each with
/// the system it belongs to, the code or an ICD-10-CM prefix, its display, the contract value it stands for, and the
/// source where it was confirmed. The field catalogue names the value set each field reads
/// (<see cref="KetamineCds.Domain.Screening.FieldDefinition.ValueSet"/>).
/// </summary>
public sealed class ValueSet
{
    private const string Icd10CmSystem = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>The value set's id: its file name without <c>.json</c>.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>What the codes mean for the field, and which codes were left out because they could not be confirmed.</summary>
    public required string Description { get; init; }

    /// <summary>How the codes are read from the FHIR data.</summary>
    public required ValueSetReading Read { get; init; }

    public required IReadOnlyList<ValueSetCode> Codes { get; init; }

    /// <summary>The most specific entry matching a coding (the exact code, else the longest prefix), or null.</summary>
    public ValueSetCode? Match(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code))
            return null;

        // ICD-10-CM codes are compared without their dot: EHRs send both F31.81 and F3181.
        var isIcd = string.Equals(system, Icd10CmSystem, StringComparison.Ordinal);
        ValueSetCode? best = null;
        foreach (var entry in Codes)
        {
            if (!string.Equals(entry.System, system, StringComparison.Ordinal))
                continue;
            if (entry.Code is not null && (string.Equals(entry.Code, code.Trim(), StringComparison.Ordinal) || (isIcd && Icd10Cm.Normalize(entry.Code) == Icd10Cm.Normalize(code))))
                return entry;
            if (entry.Prefix is not null && Icd10Cm.StartsWith(code, entry.Prefix)
                && (best?.Prefix is null || Icd10Cm.Normalize(entry.Prefix).Length > Icd10Cm.Normalize(best.Prefix).Length))
                best = entry;
        }

        return best;
    }
}

/// <summary>ICD-10-CM codes are written with or without the dot (<c>I71.2</c>, <c>I712</c>); compare them without it.</summary>
internal static class Icd10Cm
{
    public static string Normalize(string code) => code.Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool StartsWith(string code, string prefix) => Normalize(code).StartsWith(Normalize(prefix), StringComparison.Ordinal);
}
