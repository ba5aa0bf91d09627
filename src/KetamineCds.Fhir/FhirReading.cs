namespace KetamineCds.Fhir;

/// <summary>
/// What an EHR's FHIR data says about a screening: the contract values it decides (wire name to contract value:
/// string, bool, int, decimal or string list) and, for each, the resources it was read from. A field the data does
/// not decide is absent: not recorded, never "no".
/// </summary>
/// <param name="Values">Contract field name to contract value, only for the fields the FHIR data decides.</param>
/// <param name="Sources">Contract field name to the resources (<c>Condition/123</c>) that decided it.</param>
public sealed record FhirReading(IReadOnlyDictionary<string, object> Values, IReadOnlyDictionary<string, IReadOnlyList<string>> Sources)
{
    /// <summary>
    /// Chart entries about fields the data does not decide that the reader cannot read as an answer but that may mean
    /// yes (an unconfirmed Condition, one with no clinical status or no onset that places it, a medicine on hold or only
    /// proposed, a preliminary result, an allergy named only in words, a psychotic-disorder diagnosis;
    /// <see cref="ChartCheckKind"/>): named for the clinician to check, never read as yes or no. Only for fields absent
    /// from <see cref="Values"/>.
    /// </summary>
    public IReadOnlyList<ChartEntryToCheck> ToCheck { get; init; } = [];

    /// <summary>
    /// Contract field name to the entries that decided it (the same entries as <see cref="Sources"/>, in the same order),
    /// each with when it was taken where the entry says so (an Observation's <c>effective[x]</c>,
    /// <see cref="FhirSource.Moment"/>): what the decision log keeps beside each value read (QA120 F5), and what orders a
    /// chart's measurement against a clinician's (QA120 F2), without reading the FHIR again.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FhirSource>> ReadFrom { get; init; } = new Dictionary<string, IReadOnlyList<FhirSource>>(StringComparer.Ordinal);

    /// <summary>The id of the data's Patient resource (the prefetch holds at most one), or null when it holds none.</summary>
    public string? PatientId { get; init; }
}
