using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>The two stored copies of a screening's inputs are compared as answers, as the app writes them.</summary>
public sealed class StoredInputsTests
{
    [Fact]
    public void Agree_InputAsTheAppWritesItWithNullsWhereNotRecorded_AgreesWithTheHistoryEvaluated()
    {
        // The app stores the input with every contract field, null where not recorded: a null jurisdiction is the
        // default (US) in the history. It could not be read, so every such screening was said to disagree.
        var history = Screenings.Trd();
        var input = AsSubmitted(history, ("jurisdiction", null), ("clinicianNote", null));

        Assert.True(StoredInputs.Agree(input, history));
        Assert.Equal(true, StoredInputs.Agree(input, JsonSerializer.Serialize(history, ContractJson.Options)));
        Assert.Empty(StoredInputs.DisagreeingFields(input, JsonSerializer.Serialize(history, ContractJson.Options)));
    }

    [Fact]
    public void Agree_AnswerChangedOrJurisdictionRecordedOtherwise_DisagreesAndNamesTheFields()
    {
        var history = Screenings.Trd() with { SystolicBp = 128, DiastolicBp = 80 };
        var stored = JsonSerializer.Serialize(history, ContractJson.Options);
        var input = AsSubmitted(history, ("jurisdiction", "eu"), ("systolicBp", 198));

        Assert.False(StoredInputs.Agree(input, history));
        Assert.Equal(["jurisdiction", "systolicBp"], StoredInputs.DisagreeingFields(input, stored).Order(StringComparer.Ordinal));
        Assert.Equal(["*"], StoredInputs.DisagreeingFields("{not json", stored));
    }

    private static string AsSubmitted(KetamineCds.Domain.Screening.PatientHistory history, params (string Field, JsonNode? Value)[] changes)
    {
        var json = JsonSerializer.SerializeToNode(history, ContractJson.Options)!.AsObject();
        foreach (var (field, value) in changes)
        {
            json[field] = value;
        }

        return json.ToJsonString();
    }
}
