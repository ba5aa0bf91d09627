using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Api;

/// <summary>
/// The rule sets, for any signed-in role: <c>GET /api/v1/ruleset[?version=]</c> (the current set unless a released
/// version is asked for) and <c>GET /api/v1/ruleset/diff?from=&amp;to=</c> (what changed from an earlier released version,
/// <c>from</c>, to a later one, <c>to</c>; the same version twice answers that nothing changed).
/// </summary>
public static class RuleSetApi
{
    public static IEndpointRouteBuilder MapRuleSetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Rule set");

        group.MapGet("/ruleset", GetRuleSet)
            .RequireApiPolicy(Policies.SignedIn)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/ruleset/diff", GetDiff)
            .RequireApiPolicy(Policies.SignedIn)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>
    /// The query parameters each route reads (in any letter case, as the binder reads them). Any other, or one of them given
    /// twice, is a 400 naming it, as the screenings list and the audit exports answer (<see cref="QueryNames"/>): ignored,
    /// <c>?ver=1.0.0</c> answered with the current rule set as if it had been asked for, and <c>?version=1.0.0&amp;version=1.1.0</c>
    /// was looked up as the one version "1.0.0,1.1.0".
    /// </summary>
    private static readonly HashSet<string> RuleSetQueryNames = new(["version"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> DiffQueryNames = new(["from", "to"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The problems of a query that gives a name the route does not read, or one it reads more than once.</summary>
    /// <summary>
    /// The title of the 400 of <c>GET /api/v1/ruleset</c> for a query name it does not read or a version given twice
    /// (ClinicalText <c>Problem.RuleSetQueryRefused</c>); it was ASP.NET's generic "One or more validation errors occurred.".
    /// </summary>
    internal const string RuleSetQueryRefused = "The rule set was not looked up: give at most one version, and no other query parameter.";

    /// <summary>
    /// The title of the 400 of <c>GET /api/v1/ruleset/diff</c> for a missing or repeated <c>from</c> or <c>to</c>, or a query
    /// name it does not read (ClinicalText <c>Problem.RuleSetDiffRefused</c>); it was the generic one too.
    /// </summary>
    internal const string DiffRefused = "The rule sets were not compared: give one from and one to version, and no other query parameter.";

    /// <summary>
    /// The title of the 400 of <c>GET /api/v1/ruleset/diff</c> whose <c>from</c> was released after its <c>to</c>
    /// (ClinicalText <c>Problem.RuleSetDiffReversed</c>).
    /// </summary>
    internal const string DiffReversed = "The rule sets were not compared: from is a later release than to.";

    private static Dictionary<string, string[]> QueryProblems(HttpContext context, HashSet<string> names)
    {
        var errors = QueryNames.Unknown(context.Request.Query, names, "Validation.UnknownQueryParameter");
        foreach (var (name, problem) in QueryNames.Repeated(context.Request.Query, names))
        {
            errors[name] = problem;
        }

        return errors;
    }

    private static IResult GetRuleSet(string? version, HttpContext context)
    {
        if (QueryProblems(context, RuleSetQueryNames) is { Count: > 0 } refused)
        {
            return Results.ValidationProblem(refused, title: RuleSetQueryRefused);
        }

        if (!string.IsNullOrEmpty(version) && !IsVersionNumber(version))
        {
            return NotVersionNumbers(new() { ["version"] = [NotAVersionNumber] });
        }

        var ruleSet = string.IsNullOrEmpty(version) ? RuleSetCatalog.Current : RuleSetCatalog.Find(version);
        if (ruleSet is null)
        {
            return UnknownVersion(version!);
        }

        return Results.Json(new
        {
            version = ruleSet.Version,
            digest = ruleSet.Digest,
            current = ruleSet == RuleSetCatalog.Current,
            released = RuleSetCatalog.All.Select(r => r.Version),
            rules = ruleSet.Rules.Select(Describe),
        }, ContractJson.Options);
    }

    private static IResult GetDiff(string? from, string? to, HttpContext context)
    {
        var errors = QueryProblems(context, DiffQueryNames);
        if (!errors.ContainsKey("from") && string.IsNullOrEmpty(from))
        {
            errors["from"] = [ClinicalText.Shared.Message("Problem.DiffNeedsFrom")];
        }

        if (!errors.ContainsKey("to") && string.IsNullOrEmpty(to))
        {
            errors["to"] = [ClinicalText.Shared.Message("Problem.DiffNeedsTo")];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: DiffRefused);
        }

        var malformed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("from", from!), ("to", to!) })
        {
            if (!IsVersionNumber(value))
            {
                malformed[name] = [NotAVersionNumber];
            }
        }

        if (malformed.Count > 0)
        {
            return NotVersionNumbers(malformed);
        }

        var before = RuleSetCatalog.Find(from!);
        var after = RuleSetCatalog.Find(to!);
        if (before is null || after is null)
        {
            return UnknownVersion(before is null ? from! : to!);
        }

        if (RuleSetCatalog.ReleasedAfter(before, after))
        {
            // A reversed pair was answered as asked, "added" listing the rules the later set has and the earlier lacks as
            // if they were removed, while the route and its messages call from the earlier set (session 67). Refused, naming
            // both versions and the pair the client presumably meant.
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["from"] = [ClinicalText.Shared.Message("Problem.RuleSetDiffReversed.Field", before.Version, after.Version)] },
                title: DiffReversed);
        }

        var diff = RuleSetDiff.Between(before, after);
        return Results.Json(new
        {
            from = new { version = before.Version, digest = before.Digest },
            to = new { version = after.Version, digest = after.Digest },
            policyChanged = diff.PolicyChanged,
            added = diff.Added.Select(Describe),
            changed = diff.Changed.Select(c => new
            {
                id = c.After.Id,
                fields = RuleChanges.Of(c.Before, c.After).Select(f => f.Name),
                before = Describe(c.Before),
                after = Describe(c.After),
            }),
            removed = diff.Removed.Select(Describe),
        }, ContractJson.Options);
    }

    private static object Describe(Rule r) => new
    {
        id = r.Id,
        topic = r.Topic,
        kind = r.Kind,
        severity = r.Severity,
        principles = r.Principles,
        sources = r.Sources,
        condition = ClinicalText.Shared.RuleCondition(r),
        summary = ClinicalText.Shared.RuleSummary(r),
        concerns = r.Concerns?.Select(p => WireNames.Of(p)),
    };

    /// <summary>
    /// Whether <paramref name="version"/> is written as a rule set's version is, three whole numbers separated by dots
    /// (<c>1.10.0</c>): one that is not is a 400 naming the query field (helper 230: <c>?version=abc</c> was told "No such
    /// rule set", as if such a set might be released), and a well-formed version no set has is the 404 of an unknown one.
    /// </summary>
    internal static bool IsVersionNumber(string version)
    {
        var parts = version.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    /// <summary>The message under a query field that is not a version number, in the request's language.</summary>
    private static string NotAVersionNumber => ClinicalText.Shared.Message("Problem.RuleSetVersionMalformed.Field");

    /// <summary>The 400 for query fields that are not version numbers (ClinicalText <c>Problem.RuleSetVersionMalformed</c>).</summary>
    private static IResult NotVersionNumbers(Dictionary<string, string[]> fields) =>
        Results.ValidationProblem(fields, title: "The rule set version is not a version number.");

    private static IResult UnknownVersion(string version) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: ClinicalText.Shared.Message("Problem.NoSuchRuleSet"),
        detail: ClinicalText.Shared.Message("Problem.NoSuchRuleSet.Detail", version, string.Join(", ", RuleSetCatalog.All.Select(r => r.Version))));
}
