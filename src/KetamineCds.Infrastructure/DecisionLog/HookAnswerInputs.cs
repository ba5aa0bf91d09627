using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// What a CDS Hooks answer without a screening evaluated to find the contraindications the chart records all the same
/// (QA158 F2): the history the rules read, and the fields that stood in for "not recorded" (<see cref="Placeholders"/>: a
/// required answer the chart lacks, or a value the screening refuses), which no evaluated rule reads
/// (<see cref="ScreeningEngine.ContraindicationsDespite"/>). Stored with the entry, and hashed with it, so that the auditor
/// can replay the answer. A placeholder's value is never stored: it is not the patient's answer, and "not recorded" is
/// never "no" (the stored inputs hold <c>null</c> there).
/// </summary>
/// <param name="History">The history evaluated, a stand-in value in each of <paramref name="Placeholders"/>.</param>
/// <param name="Placeholders">The contract names of the fields whose values stood in for "not recorded".</param>
public sealed record HookAnswerInputs(PatientHistory History, IReadOnlyList<string> Placeholders)
{
    /// <summary>
    /// The inputs as stored: the history in the contract's spelling, every field, <c>null</c> where not recorded and in
    /// each placeholder field.
    /// </summary>
    public JsonObject ToStoredJson()
    {
        var json = JsonSerializer.SerializeToNode(History, ContractJson.Options)!.AsObject();
        foreach (var name in Placeholders)
        {
            json[name] = null;
        }

        return json;
    }

    /// <summary>
    /// A field's contract value in the inputs as stored, by its contract name: null where not recorded and in each of
    /// <see cref="Placeholders"/>, never the value that stood in (no answer of the patient's). What decides which
    /// questions the form asks of these answers (<see cref="FieldDefinition.IsAskedGiven"/>).
    /// </summary>
    public object? ContractValueOf(string name) => Placeholders.Contains(name) ? null : Fields.ContractValueOf(History, name);

    /// <summary>
    /// Reads stored inputs back as the history to evaluate: each placeholder field gets its stand-in again (no evaluated
    /// rule reads it, so any valid value gives the same findings). Throws what reading stored JSON throws when the text is
    /// not what the app wrote (<see cref="EfDecisionLog.IsUnreadable"/>).
    /// </summary>
    public static HookAnswerInputs Read(string storedJson, IReadOnlyList<string> placeholders)
    {
        ArgumentNullException.ThrowIfNull(storedJson);
        ArgumentNullException.ThrowIfNull(placeholders);
        var json = JsonNode.Parse(storedJson) as JsonObject ?? throw new JsonException("The stored inputs are not a JSON object.");
        foreach (var name in placeholders)
        {
            var field = Fields.Find(name) ?? throw new JsonException($"The stored placeholder {name} is not a field of the contract.");
            json[name] = JsonSerializer.SerializeToNode(StandIn(field), ContractJson.Options);
        }

        foreach (var name in json.Where(f => f.Value is null).Select(f => f.Key).ToList())
        {
            // A null is "not recorded", as in a screening's input (StoredInputs): read as left out, or as the field's default.
            json.Remove(name);
        }

        var history = json.Deserialize<PatientHistory>(ContractJson.Options) ?? throw new JsonException("The stored inputs are null.");
        return new HookAnswerInputs(history, placeholders);
    }

    /// <summary>
    /// A valid value standing in for a field that is not recorded, in the contract's value types (a yes/no, a whole
    /// number, a number, a list of choices, a choice): no rule that reads the field is evaluated, so it decides nothing.
    /// A part of a total (PHQ-9 item 9, <see cref="FieldDefinition.OtherPartsAtMost"/>) stands in with its most: it is a
    /// placeholder when the total requires it (25 to 27, QA201), where its least is refused, and the screening could not
    /// be read, losing what the rest of the chart contraindicates.
    /// </summary>
    public static object StandIn(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type switch
        {
            FieldType.YesNo => false,
            FieldType.WholeNumber when field.OtherPartsAtMost is not null && field.Max is { } most => (int)most,
            FieldType.WholeNumber => (int)(field.Min ?? 0),
            FieldType.Number => field.Min ?? 0m,
            FieldType.ChoiceList => new List<string> { field.Choices[0] },
            _ => field.Choices.Count > 0 ? field.Choices[0] : field.Name,
        };
    }
}
