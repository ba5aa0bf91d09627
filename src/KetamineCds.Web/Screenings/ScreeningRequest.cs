using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A screening request as it arrives from the form or the API, before validation: each contract field's value under
/// its catalogue entry (<c>request[Fields.AgeYears]</c>), absent when not given, so that "missing" can be reported
/// rather than defaulted. Choices hold the contract strings (<c>bipolar-i</c>), exactly as the JSON and the form's
/// options spell them. Nothing here names a field: a new field needs no change.
/// </summary>
public class ScreeningRequest
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    /// <summary>
    /// A field's value by its catalogue entry: null when not recorded, else the type its property has (string, int,
    /// bool, decimal or a list of strings). The JSON reader, the writer and the form walk the catalogue through this.
    /// </summary>
    public object? this[FieldDefinition field]
    {
        get => values.GetValueOrDefault(field.Property);
        set => values[field.Property] = value;
    }

    /// <summary>
    /// A field's contract value by its wire name, for the catalogue's conditions (<see cref="AnswerCondition"/>): null when
    /// not recorded, an empty text or list included.
    /// </summary>
    public object? ContractValueOf(string name) => Fields.Find(name) is { } field ? RecordedValue(field) : null;

    /// <summary>
    /// The patient history the engine evaluates. Call only on a request the validator accepted: required fields are
    /// then present and every choice is a contract string.
    /// </summary>
    public PatientHistory ToHistory() => PatientHistory.From(RecordedValue);

    /// <summary>
    /// The field's value, or null when it is not recorded (absent, an empty text or an empty list). A clinician's note of
    /// spaces alone (line breaks and tabs included) is not recorded either, from the form and the API alike: it says
    /// nothing, the form's box shows it as empty, a re-screen already read it as no note, and stored as given it printed
    /// an empty "Clinician's note" on the result page and the print. Any other note is stored exactly as given.
    /// </summary>
    private object? RecordedValue(FieldDefinition field) => this[field] switch
    {
        string { Length: 0 } or List<string> { Count: 0 } => null,
        string text when field.Name == Fields.ClinicianNote.Name && string.IsNullOrWhiteSpace(text) => null,
        var value => value,
    };

    /// <summary>
    /// The request in the contract's JSON spelling, in contract order: what the decision log stores as the input. Every
    /// field is present ("null" = not recorded) except a yes/no the request does not name (a form's question with no radio
    /// chosen, a body that leaves it out), which is left out: a yes/no named with null is one answered "Not known", and a
    /// re-screen shows that choice again, while one left out opens unanswered, as it was (helper 227). Null and left out
    /// read alike everywhere else: both are not recorded, never "no".
    /// </summary>
    public string ToContractJson()
    {
        var json = new JsonObject();
        foreach (var field in Fields.All)
        {
            if (field.Type == FieldType.YesNo && !values.ContainsKey(field.Property))
            {
                continue;
            }

            json[field.Name] = RecordedValue(field) switch
            {
                null => null,
                string text => JsonValue.Create(text),
                int number => JsonValue.Create(number),
                decimal number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                List<string> items => new JsonArray([.. items.Distinct(StringComparer.Ordinal).Select(i => (JsonNode?)JsonValue.Create(i))]),
                _ => throw new InvalidOperationException($"Unexpected type for {field.Name}."),
            };
        }

        return json.ToJsonString();
    }
}
