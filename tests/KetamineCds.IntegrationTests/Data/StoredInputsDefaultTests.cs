using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// The input as submitted against the evaluated history, read as answers. A field the contract lets a request leave
/// out takes its default, as the history did (QA96 F1: an API screening without a jurisdiction read as "the stored inputs
/// disagree"); a recorded answer that differs still disagrees.
/// </summary>
public sealed class StoredInputsDefaultTests
{
    private static readonly PatientHistory History = Screenings.Trd() with { Jurisdiction = Jurisdiction.Us, SystolicBp = 128 };

    private static JsonObject Input() => JsonNode.Parse(JsonSerializer.Serialize(History, ContractJson.Options))!.AsObject();

    [Fact]
    public void Agree_JurisdictionNullInTheInput_IsTheContractDefaultAndAgrees()
    {
        var input = Input();
        input["jurisdiction"] = null;

        Assert.True(StoredInputs.Agree(input.ToJsonString(), History));
        Assert.Equal(true, StoredInputs.Agree(input.ToJsonString(), JsonSerializer.Serialize(History, ContractJson.Options)));
    }

    [Fact]
    public void Agree_JurisdictionAbsentFromTheInput_Agrees()
    {
        var input = Input();
        input.Remove("jurisdiction");

        Assert.True(StoredInputs.Agree(input.ToJsonString(), History));
    }

    [Fact]
    public void Agree_JurisdictionRecordedOtherwise_Disagrees()
    {
        var input = Input();
        input["jurisdiction"] = "eu";

        Assert.False(StoredInputs.Agree(input.ToJsonString(), History));
    }

    [Fact]
    public void Agree_AnotherAnswerChangedBesideAMissingJurisdiction_Disagrees()
    {
        var input = Input();
        input["jurisdiction"] = null;
        input["systolicBp"] = 198;

        Assert.False(StoredInputs.Agree(input.ToJsonString(), History));
    }
}
