using System.Text.Json;
using System.Text.Json.Serialization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.CdsHooks;

/// <summary>The JSON shapes of the services and their serialization: camelCase, nulls left out (the spec forbids them).</summary>
public static class CdsHooksJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The system of the override reason codes (the app's <see cref="OverrideReason"/>, kebab case).</summary>
    public const string OverrideReasonSystem = "https://ketaminecds.org/fhir/CodeSystem/override-reason";

    /// <summary>The app's override reasons as Codings, their display in the request's language.</summary>
    public static IReadOnlyList<Coding> OverrideReasons =>
        [.. Enum.GetValues<OverrideReason>().Select(r => new Coding(OverrideReasonSystem, WireNames.Of(r), Display.Of(r)))];
}
