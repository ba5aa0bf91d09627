using System.Globalization;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace KetamineCds.Web.Api.OpenApi;

/// <summary>
/// Makes the OpenAPI document (<c>/openapi/v1.json</c>) say what goes over the wire (shared/api/screening-v1.md):
/// enumerations as their contract strings, the screening request built from the Domain's field catalogue, the
/// response's <c>input</c> echoing that request, bearer authentication, the problem bodies of 401, 403 and 429, and the
/// response headers a client relies on (X-Correlation-Id, Location, Retry-After, Last-Full-Verification).
/// </summary>
public static partial class ContractOpenApi
{
    /// <summary>The component name of the screening request schema.</summary>
    public const string RequestSchema = "ScreeningRequest";

    public const string CorrectionSchema = "CorrectionRequest";

    /// <summary>The component name of the login response schema.</summary>
    public const string TokenSchema = "AccessTokenResponse";

    /// <summary>The component name of the login request schema.</summary>
    public const string LoginSchema = "LoginRequest";

    /// <summary>The component name of the refresh request schema.</summary>
    public const string RefreshSchema = "RefreshRequest";

    /// <summary>The component name of the rule set schema.</summary>
    public const string RuleSetSchema = "RuleSetDescription";

    /// <summary>The component name of the schema of the difference between two rule sets.</summary>
    public const string RuleSetDiffSchema = "RuleSetDifference";

    private const string RuleSchema = "RuleDescription";

    private const string ProblemSchema = "ProblemDetails";
    private const string RetryAfterHeader = "Retry-After";
    private const string LocationHeader = "Location";
    private const string BearerScheme = "Bearer";

    public static OpenApiOptions AddContractTransformers(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer(DescribeEnumerationsAsWireStrings);
        options.AddDocumentTransformer(DescribeContract);
        return options;
    }

    /// <summary>
    /// Every enumeration of the app (the Domain's, and the log's such as a verification's mode) travels as its
    /// <see cref="WireNames"/> string, never as an integer: the contract's serializer writes them so.
    /// </summary>
    private static Task DescribeEnumerationsAsWireStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (!enumType.IsEnum || enumType.Assembly.GetName().Name?.StartsWith("KetamineCds.", StringComparison.Ordinal) != true)
        {
            return Task.CompletedTask;
        }

        var nullable = enumType != type;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Enum = WithNull(Enum.GetValues(enumType).Cast<Enum>().Select(v => WireNames.Of(v)), nullable);
        return Task.CompletedTask;
    }

    private static Task DescribeContract(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The contract's version (shared/api/screening-v1.md: version 1 with its 1.1 additions), not the assembly's.
        document.Info = new OpenApiInfo
        {
            Title = "KetamineCds screening API",
            Version = "1.1",
            Description = "Screening for ketamine and esketamine treatment pathways: the contract of shared/api/screening-v1.md, version 1 with its 1.1 additions. "
                + "KetamineCds supports, and never replaces, the clinician's judgement.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[RequestSchema] = ScreeningRequestSchema(document);
        document.Components.Schemas[CorrectionSchema] = CorrectionRequestSchema(document);
        document.Components.Schemas[TokenSchema] = TokenResponseSchema();
        document.Components.Schemas[LoginSchema] = LoginRequestSchema();
        document.Components.Schemas[RefreshSchema] = RefreshRequestSchema();
        if (document.Components.Schemas.TryGetValue(nameof(ChangePasswordRequest), out var changePassword) && changePassword is OpenApiSchema changePasswordSchema)
        {
            // Read as the sign-in's body is (AuthRequestBody): a property it does not read is refused under its own name.
            changePasswordSchema.AdditionalPropertiesAllowed = false;
        }

        document.Components.Schemas[RuleSchema] = RuleDescriptionSchema();
        document.Components.Schemas[RuleSetSchema] = RuleSetDescriptionSchema(document);
        document.Components.Schemas[RuleSetDiffSchema] = RuleSetDifferenceSchema(document);
        document.Components.Schemas.TryAdd(ProblemSchema, ProblemDetailsSchema());
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken of POST /api/auth/login or POST /api/auth/refresh.",
        };

        EchoRequestInResponse(document);
        DescribeReplayedVerdict(document);
        DescribeLaterFailedCheck(document);

        // The request and the echoed input are described by the contract's schema above; the untyped element the
        // endpoint's Accepts<JsonElement> and ScreeningResponse.Input brought in is referenced by nothing.
        document.Components.Schemas.Remove("JsonElement");

        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers[CorrelationId.HeaderName] = new OpenApiHeader
        {
            Description = "The request's correlation id: the caller's own X-Correlation-Id when it is 1-64 letters, digits, '-', '_' or '.', "
                + "otherwise a new one. Recorded with a screening and in the access audit; quote it when reporting a problem.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 },
        };
        document.Components.Headers[RetryAfterHeader] = new OpenApiHeader
        {
            Description = "Seconds to wait before calling again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
        };
        document.Components.Headers[LocationHeader] = new OpenApiHeader
        {
            Description = "The screening recorded: /api/v1/screenings/{id}, relative to the API's address.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        };
        document.Components.Headers[LastFullVerificationResponse.HeaderName] = new OpenApiHeader
        {
            Description = "When the decision log was last verified in full and what it found, as the auditor's list says it above the same entries "
                + "(the export shows entries as stored: one altered in the database may be left out of a filtered file without a word): "
                + "the lastFullVerification object of GET /api/v1/screenings with the auditor's details (who, what it checked, the entries reached), "
                + "as one line of JSON with every character beyond ASCII escaped. Read before the first entry is written; the file itself is unchanged.",
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(LastFullVerificationResponse), document) },
            },
        };

        var signInLimited = SignInLimited(context);
        var policies = PolicyOf(context);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                Describe(document, path, method, operation, policies.GetValueOrDefault((method.Method, path)));
                DescribeRateLimit(document, path, operation, signInLimited.Contains((method.Method, path)));
                DescribeHeaders(document, path, method, operation);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The operations behind the sign-in limiter (<see cref="RateLimits.SignIn"/>) as well as the API's, read from the
    /// endpoints' own metadata: their method and document path.
    /// </summary>
    private static HashSet<(string Method, string Path)> SignInLimited(OpenApiDocumentTransformerContext context) =>
        context.DescriptionGroups.SelectMany(g => g.Items)
            .Where(d => d.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any(a => a.PolicyName == RateLimits.SignIn))
            .Select(d => ((d.HttpMethod ?? "").ToUpperInvariant(), "/" + (d.RelativePath ?? "").Split('?')[0]))
            .ToHashSet();

    /// <summary>
    /// The authorization policy each operation names (its endpoint's own, or its group's), read from the endpoints'
    /// metadata by method and document path: it says who a 403 turns away.
    /// </summary>
    private static Dictionary<(string Method, string Path), string?> PolicyOf(OpenApiDocumentTransformerContext context)
    {
        var policies = new Dictionary<(string Method, string Path), string?>();
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            // The document's path names a parameter without its route constraint ({id:guid} is {id}).
            var path = RouteConstraint().Replace("/" + (description.RelativePath ?? "").Split('?')[0], "{$1}");
            var key = ((description.HttpMethod ?? "").ToUpperInvariant(), path);
            policies[key] = description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Select(a => a.Policy).LastOrDefault(p => p is not null);
        }

        return policies;
    }

    /// <summary>A route parameter with its constraint (<c>{id:guid}</c>): the parameter's name is group 1.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^}:]+):[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();

    /// <summary>
    /// Every API call is rate limited (<c>RateLimiting:ApiPerMinute</c> per user, or per address before sign-in), and
    /// sign-in, refresh and a password change also by the sign-in limiter: a 429 problem with Retry-After (QA12 G6).
    /// </summary>
    private static void DescribeRateLimit(OpenApiDocument document, string path, OpenApiOperation operation, bool signIn)
    {
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        var limits = signIn
            ? "Too many attempts: more than RateLimiting:SignInPerMinute (10 a minute by default) sign-in, refresh and password change attempts "
                + "from this address, or more than RateLimiting:ApiPerMinute (600 a minute by default) API calls. "
            : "Too many calls: more than RateLimiting:ApiPerMinute (600 a minute by default) from this user (before sign-in, from this address). ";
        var response = Problem(document, limits + "Nothing was done; wait Retry-After seconds and call again.");
        response.Headers = new Dictionary<string, IOpenApiHeader> { [RetryAfterHeader] = new OpenApiHeaderReference(RetryAfterHeader, document) };
        operation.Responses!.TryAdd(StatusCodes.Status429TooManyRequests.ToString(CultureInfo.InvariantCulture), response);
    }

    /// <summary>
    /// The response headers a client relies on: X-Correlation-Id on every answer, Location on a screening's 201, and
    /// Last-Full-Verification on the decision log's exports.
    /// </summary>
    private static void DescribeHeaders(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        foreach (var (status, found) in operation.Responses ?? [])
        {
            if (found is not OpenApiResponse response)
            {
                continue;
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[CorrelationId.HeaderName] = new OpenApiHeaderReference(CorrelationId.HeaderName, document);
            if (status == "201" && method == HttpMethod.Post && path.StartsWith("/api/v1/screenings", StringComparison.Ordinal))
            {
                response.Headers[LocationHeader] = new OpenApiHeaderReference(LocationHeader, document);
            }

            if (status == "200" && method == HttpMethod.Get && path is "/api/v1/audit/export.csv" or "/api/v1/audit/export.jsonl")
            {
                response.Headers[LastFullVerificationResponse.HeaderName] = new OpenApiHeaderReference(LastFullVerificationResponse.HeaderName, document);
            }
        }
    }

    private static void Describe(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation, string? policy)
    {
        operation.Responses ??= new OpenApiResponses();
        // Every operation that reads a JSON body (JsonRequestBody.RequireJsonBody) lists the 415: say what it means.
        Describe(operation, "415", JsonRequestBody.OpenApiDescription);
        // What each response means on this route, in place of the reason phrase (a 403 the route answers is added).
        ResponseDescriptions.Apply(method.Method, path, operation, description => Problem(document, description));
        if (path == "/api/auth/login")
        {
            // The endpoint reads its body itself (AuthRequestBody), so that a JSON body it cannot use is a field-level 400;
            // one not sent as application/json is the 415 above (JsonRequestBody), before anything is read.
            operation.RequestBody = JsonBody("The credentials.", new OpenApiSchemaReference(LoginSchema, document));
            operation.Responses["200"] = Json("The bearer token.", new OpenApiSchemaReference(TokenSchema, document));
            Describe(operation, "400", "No sign-in was attempted (nothing recorded, no lockout count). email or password missing or empty, a field that is not a string "
                + "or is given twice, or a property the endpoint does not read (errors keyed by the property's own name, as the screening API "
                + "refuses an unknown field): a validation problem whose errors are keyed by the JSON names; a body that is not one JSON object "
                + "has its one error under $.");
            Describe(operation, "401", "Sign-in failed: the same answer whether the email, the password or the second factor was wrong or the account is locked (code RequiresTwoFactor: send twoFactorCode or twoFactorRecoveryCode; code TwoFactorCodeAlreadyUsed: the code was right but used already, wait for the app's next one).");
            return;
        }

        if (path == "/api/auth/refresh")
        {
            operation.Description = "Trades the refreshToken of a sign-in (or of an earlier refresh) for a new accessToken and refreshToken, "
                + "while the token's server-side session is live and the account unchanged. Each refresh token works once; the previous access token "
                + "stops working. A refresh token presented again after it was traded ends every session of its sign-in (it may have been copied). "
                + "A session lasts one hour from the sign-in or its last refresh, and never beyond Sessions:AbsoluteLifetime "
                + "(12 hours by default) from the sign-in; expiresIn says which comes first: then sign in again.";
            operation.RequestBody = JsonBody("The refresh token.", new OpenApiSchemaReference(RefreshSchema, document));
            operation.Responses["200"] = Json("New tokens; the old ones no longer work.", new OpenApiSchemaReference(TokenSchema, document));
            Describe(operation, "400", "Nothing was refreshed. refreshToken missing, empty or not a string, or a property the endpoint does not read (errors "
                + "keyed by the property's own name): a validation problem whose errors are keyed by the JSON names; a body that is not one JSON "
                + "object has its one error under $.");
            Describe(operation, "401", "Refused: the same answer whether the token is not valid or its session ended (signed out, expired, the account locked or changed); "
                + "code RefreshTokenReused: the token was already traded, and every session of its sign-in has now been ended.");
            return;
        }

        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        if (path == "/api/v1/screenings" && method == HttpMethod.Post)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The patient history; null or absent means not recorded. Unknown fields are rejected.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(RequestSchema, document) },
                },
            };
            if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse response)
            {
                response.Description = "Recorded; Location gives /api/v1/screenings/{id}.";
            }
        }

        if (path == "/api/v1/screenings/{id}/corrections" && method == HttpMethod.Post)
        {
            operation.Description = "Records a correction of screening {id}: the history with the answers entered wrongly put right, and "
                + "correctionReason. It is recorded as a new screening whose corrects is {id}; screening {id} is never changed, and the "
                + "pages show it as corrected. The same outcomes as POST /api/v1/screenings: 201 recorded, 400 (every field problem and a "
                + "missing or too long correctionReason at once; nothing stored), 503 not recorded or may have been recorded.";
            operation.RequestBody = JsonBody(
                "The corrected patient history and the reason; null or absent means not recorded. Unknown fields are rejected.",
                new OpenApiSchemaReference(CorrectionSchema, document));
            if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse response)
            {
                response.Description = "Recorded as a correction; Location gives /api/v1/screenings/{id} of the new screening.";
            }

        }

        // Every 503 is "the database could not be reached" and says when to call again (DatabaseUnavailableHandler.MarkUnavailable).
        if (operation.Responses.TryGetValue("503", out var notReached) && notReached is OpenApiResponse unavailable)
        {
            unavailable.Headers ??= new Dictionary<string, IOpenApiHeader>();
            unavailable.Headers[RetryAfterHeader] = new OpenApiHeaderReference(RetryAfterHeader, document);
        }

        if (path.StartsWith("/api/v1/audit/", StringComparison.Ordinal))
        {
            DescribeLogFailures(document, path, method, operation);
        }

        if (path == "/api/v1/audit/checkpoints" && method == HttpMethod.Post)
        {
            // QA109 F7: the 409 that refuses to sign carries the verification that refused it, as GET /api/v1/audit/verify
            // writes it; it was declared as a bare problem.
            operation.Responses["409"] = new OpenApiResponse
            {
                Description = "No checkpoint was signed: checkpoints are off (a problem alone), the database refused the request (a problem "
                    + "alone; no outage: trying again will not help, and the cause is in KetamineCds's log), or the decision log does not verify. Then "
                    + "verification holds the full verification that refused it, in the shape of GET /api/v1/audit/verify (its access is null: "
                    + "the access log is not verified for a checkpoint).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            AllOf = [new OpenApiSchemaReference(ProblemSchema, document), new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                                {
                                    ["verification"] = new OpenApiSchemaReference("VerifyResponse", document),
                                },
                            }],
                        },
                    },
                },
            };
        }

        if (path == "/api/v1/ruleset")
        {
            operation.Responses["200"] = Json("The current rule set, or the released version asked for.", new OpenApiSchemaReference(RuleSetSchema, document));
        }

        if (path == "/api/v1/ruleset/diff")
        {
            operation.Description = "What changed from the earlier released rule set, from, to the later one, to. A from released after to is "
                + "refused (400 under from); the same version as both answers that nothing changed.";
            operation.Responses["200"] = Json("What changed from the earlier released rule set (from) to the later one (to).", new OpenApiSchemaReference(RuleSetDiffSchema, document));
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Description = parameter.Name switch
                {
                    "from" => "The earlier released version (1.1.0): not released after to.",
                    "to" => "The later released version (1.28.0).",
                    _ => parameter.Description,
                };
            }
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        // The 401 and 403 of every route behind a token: declared by an endpoint (logout's 401) with the reason phrase, said here.
        if (!operation.Responses.TryAdd("401", Problem(document, ResponseDescriptions.Unauthorized)))
        {
            Describe(operation, "401", ResponseDescriptions.Unauthorized);
        }

        if (ResponseDescriptions.Forbidden(path, policy) is { } forbidden)
        {
            operation.Responses.TryAdd("403", Problem(document, forbidden));
        }
    }

    /// <summary>
    /// An audit route's answers when the logs cannot be read or written (AuditEndpoints.LogFailed), as the audit pages tell
    /// them apart: 409 where the database answered and refused (no outage, no Retry-After), 503 with Retry-After where it
    /// could not be reached.
    /// </summary>
    private static void DescribeLogFailures(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        const string Refused = "the database refused the request (a permission, a missing table: no outage). Trying again will not help, "
            + "and the cause is in KetamineCds's log for the administrator; no Retry-After.";
        var checkpoint = path == "/api/v1/audit/checkpoints" && method == HttpMethod.Post;
        if (operation.Responses!.TryGetValue("503", out var found) && found is OpenApiResponse unavailable)
        {
            unavailable.Description = checkpoint
                ? "Nothing was signed: the database could not be reached (call again after Retry-After seconds), or the checkpoint folder "
                    + "(Audit:CheckpointDirectory) could not be written (no Retry-After)."
                : "The database could not be reached: call again after Retry-After seconds.";
        }

        if (path == "/api/v1/audit/screenings/{sequence}/replay")
        {
            Describe(operation, "409", "The entry at this sequence cannot be read (the log may have been altered; named, with a reference), or " + Refused);
        }
        else if (!checkpoint)
        {
            Describe(operation, "409", "The log could not be read or written: " + Refused);
        }
    }

    /// <summary>The response's <c>input</c> is the request as stored: the request schema, not an untyped element.</summary>
    private static void EchoRequestInResponse(OpenApiDocument document)
    {
        if (document.Components!.Schemas!.TryGetValue("ScreeningResponse", out var found) && found is OpenApiSchema response
            && response.Properties is not null)
        {
            response.Properties["input"] = new OpenApiSchemaReference(RequestSchema, document);
            if (response.Properties.TryGetValue("rescreenOf", out var rescreenOf) && rescreenOf is OpenApiSchema earlier)
            {
                earlier.Description = "On a re-screen only: the earlier screening it started from (the form prefilled with that one's answers). That entry is unchanged; a re-screen is not a correction.";
            }

            if (response.Properties.TryGetValue("corrects", out var corrects) && corrects is OpenApiSchema corrected)
            {
                corrected.Description = "On a correction only: the screening it corrects (answers entered wrongly there, put right here). That entry is unchanged and is shown as corrected.";
            }

            if (response.Properties.TryGetValue("correctionReason", out var reason) && reason is OpenApiSchema why)
            {
                why.Description = "On a correction only: why the earlier screening was corrected, as the clinician gave it.";
            }

            if (response.Properties.TryGetValue("laterEntries", out var laterEntries) && laterEntries is OpenApiSchema later)
            {
                later.Description = "Only when there are any (GET of a screening, and each item of a patient's list): the later screenings that "
                    + "re-screen or correct this one, newest first. Each one's own body names this one (rescreenOf or corrects). "
                    + "With a correction among them, this screening was corrected: use the newest correction.";
            }

            if (response.Properties.TryGetValue("unreadableLaterEntries", out var unreadable) && unreadable is OpenApiSchema notVouched)
            {
                notVouched.Description = "Only when there are any: later entries that point to this screening but cannot be read (the log may "
                    + "have been altered). Not vouched for, never left out unsaid; GET /api/v1/audit/verify names the first broken entry.";
            }

            if (response.Properties.TryGetValue("overrides", out var overrides) && overrides is OpenApiSchema decisions)
            {
                decisions.Description = "Only when there are any (GET of a screening, each item of a patient's list, and a repeated POST "
                    + "answered as the first): the clinicians' decisions against (or in spite of) this screening's recommendation, oldest "
                    + "first. The last is the decision in force: read it with overall (a do-not-proceed beside an eligible verdict means the "
                    + "clinician decided not to proceed). The wire names are the audit exports' (overrideDecision, overrideReason). "
                    + "Presentation only: each override is an entry of its own in the decision log, not part of the screening's stored or "
                    + "hashed entry.";
            }

            if (response.Properties.TryGetValue("notice", out var notice) && notice is OpenApiSchema statement)
            {
                statement.Description = "On every screening body (POST, GET, each item of a patient's list): \"KetamineCds supports, and never "
                    + "replaces, the clinician's judgement.\", in the request's language like summary and detail (Simplified Chinese for "
                    + "zh-Hans, zh-CN, zh-SG or zh; English otherwise). Show it with the result. Presentation only: it is not part of the "
                    + "decision log's stored or hashed entry, and its wording may change with the app's translations.";
            }

            if (response.Properties.TryGetValue("ruleSetNotice", out var ruleSetNotice) && ruleSetNotice is OpenApiSchema olderPolicy)
            {
                olderPolicy.Description = "Only on a screening decided under a rule set that predates \"not recorded is never no\" (rule set "
                    + "1.0.0, which read a safety question not answered as no; P-SAFETY-REMS, from rule set 1.1.0): the warning its result "
                    + "page and print give, that such a screening can read eligible with safety questions unanswered, so its verdict is "
                    + "history, not a safe answer today. In the request's language like notice. Show it with the result. Presentation only.";
            }
        }

        if (document.Components.Schemas.TryGetValue("LaterEntry", out var entry) && entry is OpenApiSchema laterEntry && laterEntry.Properties is not null)
        {
            if (laterEntry.Properties.TryGetValue("correctionReason", out var entryReason) && entryReason is OpenApiSchema entryWhy)
            {
                entryWhy.Description = "On a correction only: why this screening was corrected, as the clinician gave it.";
            }
        }
    }

    /// <summary>A correction's body: the request's fields and the required <c>correctionReason</c>.</summary>
    public static OpenApiSchema CorrectionRequestSchema(OpenApiDocument document)
    {
        var schema = ScreeningRequestSchema(document);
        schema.Description = "A corrected patient history (the fields of ScreeningRequest) and why the earlier screening is corrected.";
        schema.Properties!["correctionReason"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MinLength = 1,
            MaxLength = Correction.ReasonMaxLength,
            Description = $"What was entered wrongly in the earlier screening, and how it is known; at most {Correction.ReasonMaxLength} characters, not blank. {HiddenCharactersRefused}",
        };
        schema.Required!.Add("correctionReason");
        return schema;
    }

    /// <summary>
    /// The request body, field by field, from <see cref="Fields.All"/>. A choice's values are one component schema, named
    /// after its Domain enumeration and added to the document, that the request and the correction both reference: each
    /// schema with its own inline copy made a client generator (Kiota) generate the same enumeration twice
    /// (ScreeningRequest_psychosis and CorrectionRequest_psychosis).
    /// </summary>
    public static OpenApiSchema ScreeningRequestSchema(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A patient history (shared/api/screening-v1.md, Request). Null or absent means not recorded, never no.",
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new SortedSet<string>(StringComparer.Ordinal),
        };

        foreach (var field in Fields.All)
        {
            schema.Properties[field.Name] = FieldSchema(document, field);
            if (field.Required)
            {
                schema.Required.Add(field.Name);
            }
        }

        return schema;
    }

    private static IOpenApiSchema FieldSchema(OpenApiDocument document, FieldDefinition field)
    {
        if (field.Type == FieldType.Choice)
        {
            // One choice: its values' component, with null beside it when the field may be left not recorded (as the
            // document describes every other nullable reference).
            var values = ChoiceReference(document, field);
            if (field.Required)
            {
                values.Description = Describe(field);
                return values;
            }

            return new OpenApiSchema { Description = Describe(field), OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, values] };
        }

        var nullable = field.Required ? 0 : JsonSchemaType.Null;
        var schema = new OpenApiSchema { Description = Describe(field) };
        switch (field.Type)
        {
            case FieldType.Text:
                schema.Type = JsonSchemaType.String | nullable;
                schema.MaxLength = field.MaxLength;
                if (field.Name == Fields.PatientReference.Name)
                {
                    schema.Pattern = "^[A-Za-z0-9._-]{1,64}$";
                    schema.MinLength = 1;
                }

                break;
            case FieldType.WholeNumber:
                schema.Type = JsonSchemaType.Integer | nullable;
                schema.Format = "int32";
                break;
            case FieldType.Number:
                schema.Type = JsonSchemaType.Number | nullable;
                schema.Format = "double";
                break;
            case FieldType.YesNo:
                schema.Type = JsonSchemaType.Boolean | nullable;
                break;
            case FieldType.ChoiceList:
                schema.Type = JsonSchemaType.Array | nullable;
                schema.Items = ChoiceReference(document, field);
                // The validator refuses a repeat and an empty list (the response's input is the request as stored; QA12 G10).
                schema.UniqueItems = true;
                schema.MinItems = 1;
                schema.Description += " Each value at most once; leave the field out, or null, when it is not recorded (an empty list or a repeated value is refused).";
                break;
            default:
                throw new InvalidOperationException($"No OpenAPI type for field type {field.Type}.");
        }

        if (field.Min is { } min)
        {
            schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        }

        if (field.Max is { } max)
        {
            schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        }

        return schema;
    }

    /// <summary>
    /// A replay's <c>replayedOverall</c> is the verdict recomputed, in the contract's verdict strings (the <c>Verdict</c>
    /// component, as a screening's <c>overall</c>), or null when nothing was recomputed (the rule set is no longer
    /// released). Null or a reference to the component, as a choice that may be not recorded is, so that a generated
    /// client reads the verdict enumeration (an inline nullable enumeration gets Kiota's extra sentinel member).
    /// </summary>
    private static void DescribeReplayedVerdict(OpenApiDocument document)
    {
        if (!document.Components!.Schemas!.TryGetValue(nameof(ReplayResponse), out var found) || found is not OpenApiSchema replay
            || replay.Properties is not { } properties || !properties.ContainsKey("replayedOverall"))
        {
            return;
        }

        document.Components.Schemas.TryAdd(nameof(Verdict), new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = Strings(WireNames.All<Verdict>()),
            Description = "The overall verdict of a screening (contract field `overall`).",
        });
        properties["replayedOverall"] = new OpenApiSchema
        {
            Description = "The overall verdict recomputed under the recorded rule set, as the contract spells a screening's `overall`; null when nothing was recomputed (`outcome` `rule-set-unavailable`).",
            OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(nameof(Verdict), document)],
        };
    }

    /// <summary>
    /// The last full verification's <c>laterFailedCheck</c> is null or the check: the generator writes a nullable reference
    /// as a bare <c>oneOf</c> and leaves the parameter's description out; it is said here.
    /// </summary>
    private static void DescribeLaterFailedCheck(OpenApiDocument document)
    {
        if (document.Components!.Schemas!.TryGetValue(nameof(LastFullVerificationResponse), out var found) && found is OpenApiSchema status
            && status.Properties is { } properties && properties.TryGetValue("laterFailedCheck", out var property) && property is OpenApiSchema later)
        {
            later.Description = "A check newer than the last full verification that did not verify the decision log (a check from the newest checkpoint, "
                + "the checkpoint writer's before signing), or whose record was altered; null when there is none.";
        }
    }

    /// <summary>
    /// A reference to the component schema of a choice field's values (the contract strings of its Domain enumeration,
    /// <see cref="FieldDefinition.ChoiceType"/>, which names the component; never null: a field's nullability is the
    /// field's), adding the component to the document.
    /// </summary>
    private static OpenApiSchemaReference ChoiceReference(OpenApiDocument document, FieldDefinition field)
    {
        var type = field.ChoiceType ?? throw new InvalidOperationException($"Field {field.Name} is not a choice.");
        var values = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Strings(field.Choices) };
        if (document.Components!.Schemas!.TryGetValue(type.Name, out var existing)
            && (existing is not OpenApiSchema same || same.Enum is null || !same.Enum.Select(v => v?.GetValue<string>()).SequenceEqual(field.Choices)))
        {
            throw new InvalidOperationException($"Component schema {type.Name} exists with other values than choice field {field.Name}.");
        }

        document.Components.Schemas[type.Name] = values;
        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>What every free text refuses (<see cref="FreeText.HasHiddenCharacters"/>), said where its schema is (QA132 F9).</summary>
    private const string HiddenCharactersRefused =
        "Characters are counted as Unicode code points. Refused with a 400 naming the field: a control character other than a line break or tab, and the invisible marks that change the direction of the text (U+202A-U+202E, U+2066-U+2069).";

    /// <summary>What the API adds to the contract's default jurisdiction (QA293 F3; ScreeningsApi.JurisdictionRequiredByClinic).</summary>
    private const string JurisdictionOfTheClinic =
        "A clinic configured for another label than US (Clinic:Jurisdiction eu) refuses a request without it with a 400 naming the field, rather than screening the patient under the US label.";

    private static string Describe(FieldDefinition field)
    {
        var parts = new List<string> { field.Label };
        if (field.Help is { } help)
        {
            parts.Add(help);
        }

        if (field.Unit is { } unit)
        {
            parts.Add($"Unit: {unit}.");
        }

        if (field.RequiredWhen is { } when)
        {
            parts.Add($"Required when {when.Text}.");
        }

        if (field == Fields.Jurisdiction)
        {
            parts.Add(JurisdictionOfTheClinic);
        }

        if (field.Type == FieldType.Text && field != Fields.PatientReference)
        {
            parts.Add(HiddenCharactersRefused);
        }

        return string.Join(" ", parts.Select(p => p.TrimEnd().EndsWith('.') ? p.TrimEnd() : p.TrimEnd() + "."));
    }

    private static OpenApiSchema LoginRequestSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The credentials of POST /api/auth/login. An account with a second factor adds twoFactorCode (from the authenticator app) or twoFactorRecoveryCode, as Identity's own login endpoint names them. Any other property is refused (400 under its name), a name in another letter case too (EMAIL is not email), as the screening API refuses one.",
        AdditionalPropertiesAllowed = false,
        Required = new SortedSet<string>(StringComparer.Ordinal) { "email", "password" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["email"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, Description = "The account's email address." },
            ["password"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
            ["twoFactorCode"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The 6-digit code the authenticator app shows now; each code works once." },
            ["twoFactorRecoveryCode"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "One of the account's recovery codes; each works once." },
        },
    };

    private static OpenApiSchema RefreshRequestSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The body of POST /api/auth/refresh. Any other property is refused (400 under its name), a name in another letter case too.",
        AdditionalPropertiesAllowed = false,
        Required = new SortedSet<string>(StringComparer.Ordinal) { "refreshToken" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["refreshToken"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, Description = "The refreshToken of the last sign-in or refresh." },
        },
    };

    private static OpenApiSchema TokenResponseSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "ASP.NET Core Identity's bearer-token response.",
        Required = new SortedSet<string>(StringComparer.Ordinal) { "tokenType", "accessToken", "expiresIn" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["tokenType"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Bearer." },
            ["accessToken"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Sent as Authorization: Bearer <accessToken>." },
            ["expiresIn"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "Seconds until the token and its session end: an hour, or less when the session's absolute end (Sessions:AbsoluteLifetime after the sign-in) comes sooner." },
            ["refreshToken"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Sent to POST /api/auth/refresh for new tokens before this one expires; works once (a second use ends every session of the sign-in), and only while the session lives." },
        },
    };

    private static OpenApiSchema Text => new() { Type = JsonSchemaType.String };
    private static OpenApiSchema Texts => new() { Type = JsonSchemaType.Array, Items = Text };

    /// <summary>One rule as the rule set endpoints describe it (<c>RuleSetApi.Describe</c>).</summary>
    private static OpenApiSchema RuleDescriptionSchema() => Object(
        "A rule: its id, topic, kind, severity, the principles and sources it cites, its condition and summary in the caller's language, and, for a caution that belongs to one indication (rule set 1.7.0 on), the pathways it marks (concerns; null: every open pathway).",
        new()
        {
            ["id"] = Text,
            ["topic"] = Text,
            ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Strings(WireNames.All<FindingKind>()) },
            ["severity"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Strings(WireNames.All<Severity>()) },
            ["principles"] = Texts,
            ["sources"] = Texts,
            ["condition"] = Text,
            ["summary"] = Text,
            ["concerns"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array | JsonSchemaType.Null,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Strings(WireNames.All<Pathway>()) },
            },
        });

    private static OpenApiSchema RuleSetDescriptionSchema(OpenApiDocument document) => Object(
        "A rule set: its version, digest, whether it is the one new screenings use, every released version, and its rules.",
        new()
        {
            ["version"] = Text,
            ["digest"] = Text,
            ["current"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            ["released"] = Texts,
            ["rules"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(RuleSchema, document) },
        });

    private static OpenApiSchema RuleSetDifferenceSchema(OpenApiDocument document)
    {
        // The same shape as an assessment's rule set: its version and digest.
        var version = new OpenApiSchemaReference(nameof(RuleSetIdentity), document);
        var rules = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(RuleSchema, document) };
        var changed = Object(
            "A rule both versions have, defined differently: the aspects that changed (kind, severity, condition, canonical condition, summary, detail, principles, sources, concerns), and the rule before and after.",
            new()
            {
                ["id"] = Text,
                ["fields"] = Texts,
                ["before"] = new OpenApiSchemaReference(RuleSchema, document),
                ["after"] = new OpenApiSchemaReference(RuleSchema, document),
            });
        return Object(
            "What changed from the earlier released rule set (from) to the later one (to): rules added, changed and removed, and whether the decision policy or the pathway map changed.",
            new()
            {
                ["from"] = version,
                ["to"] = version,
                ["policyChanged"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                ["added"] = rules,
                ["changed"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = changed },
                ["removed"] = rules,
            });
    }

    /// <summary>An object schema whose every property is required.</summary>
    private static OpenApiSchema Object(string description, Dictionary<string, IOpenApiSchema> properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal),
        Properties = properties,
    };

    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 7807 problem.",
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };

    private static List<JsonNode> Strings(IEnumerable<string> values) => values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();

    /// <summary>
    /// The values of an enumeration; with null among them when the field may be null ("not recorded"): under JSON Schema
    /// 2020-12 an <c>enum</c> without null refuses null whatever the <c>type</c> says.
    /// </summary>
    private static List<JsonNode> WithNull(IEnumerable<string> values, bool nullable) => nullable ? [.. Strings(values), null!] : Strings(values);

    private static OpenApiResponse Json(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };

    private static OpenApiRequestBody JsonBody(string description, IOpenApiSchema schema) => new()
    {
        Required = true,
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };

    /// <summary>Says what a response the endpoint's metadata declared means here.</summary>
    private static void Describe(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var found) && found is OpenApiResponse response)
        {
            response.Description = description;
        }
    }

    private static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };
}
