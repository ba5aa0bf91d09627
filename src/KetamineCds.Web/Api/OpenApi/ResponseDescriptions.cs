using KetamineCds.Web.Security;
using Microsoft.OpenApi;

namespace KetamineCds.Web.Api.OpenApi;

/// <summary>
/// What each API response means on its route, said in the document in place of the bare reason phrase the endpoint's
/// metadata leaves ("Bad Request", "Not Found", "Conflict"): what input a 400 refuses, what a 404 did not find, who a 403
/// turns away, how large a body the 413 allows (QA: the audit routes' 400s said "Bad Request" alone). A route added
/// without its texts keeps the reason phrase, which <c>OpenApiResponseDescriptionTests</c> refuses.
/// </summary>
internal static class ResponseDescriptions
{
    private const string ScreeningBadInput = "Nothing was recorded. A validation problem whose errors name each field that needs attention, all at once, "
        + "under the request's field names: a value out of its range, of the wrong JSON type or not one of the field's values, a required field missing, "
        + "an answer another answer rules out (distinctMechanisms above failedAdequateTrials, diastolicBp not below systolicBp ...), an unknown field, "
        + "a field given twice, text with hidden characters; under \"$\" a body that is not one JSON object (empty, not JSON, not UTF-8, nested too deep); "
        + "under Idempotency-Key that header when it is not a UUID; under its own name any query parameter (the route reads none).";

    private const string ScreeningTooLarge = "The body is larger than 64 KB (a screening with a full note is about 3 KB): nothing was read or recorded.";

    private const string ScreeningKeyConflict = "Nothing was recorded: the Idempotency-Key was recorded by another user, or the database answered and refused the entry "
        + "(no outage: trying again will not help; the cause is in KetamineCds's log).";

    private const string ScreeningKeyReused = "Nothing was recorded: the Idempotency-Key was recorded with another body or for another request "
        + "(idempotencyKey names it; recordedScreening, to its own author only, names the screening it recorded).";

    private const string ScreeningNotSaved = "The decision log could not be reached: the screening was not recorded, or, when the title says the outcome is unknown, "
        + "it may have been (repeat the request with the same Idempotency-Key to find out). Call again after Retry-After seconds.";

    private const string AuditReadsNoQuery = "The query names a parameter: this route reads none. A validation problem naming each; nothing was done or recorded.";

    private const string ExportFilterRefused = "Nothing was exported or recorded. A validation problem whose errors name each filter that cannot be used: a name the export "
        + "does not read, one given twice, from or to not a date written yyyy-mm-dd or outside the dates the log can hold, from after to, a patient or "
        + "patientReference that no screening can have (or the two given differently), a clinician no account can have, overall not one of the verdicts, "
        + "ruleSet not a released version.";

    private const string LastFullVerificationHeaderSaid = "The Last-Full-Verification header says when the decision log was last verified in full "
        + "and what it found, as the auditor's list does: the file shows entries as stored.";

    private const string AuthTooLarge = "The body is larger than 1 MB: nothing was read";

    /// <summary>The texts of each route's responses by status, beside the 401, 403 and 429 every API route gets.</summary>
    private static readonly Dictionary<(string Method, string Path), Dictionary<string, string>> Texts = new()
    {
        [("POST", "/api/auth/login")] = new()
        {
            ["413"] = AuthTooLarge + "; no sign-in was attempted.",
        },
        [("POST", "/api/auth/refresh")] = new()
        {
            ["413"] = AuthTooLarge + "; no token was traded.",
        },
        [("POST", "/api/auth/logout")] = new()
        {
            ["204"] = "Signed out: this access token is refused from now on (recorded in the access log).",
        },
        [("POST", "/api/auth/password")] = new()
        {
            ["204"] = "The password was changed: every token of the account, this one included, stops working once the security stamp is checked. Sign in again with the new password.",
            ["400"] = "The password was not changed. A validation problem keyed by currentPassword and newPassword: a field missing, empty, not a string "
                + "or given twice, the current password wrong (it counts towards the lockout), the new password refused by the password policy; under its own "
                + "name a property the endpoint does not read, a name in another letter case included (then no password is checked); under \"$\" a body that is not one JSON object.",
            ["403"] = "The password was not changed: the account is locked (code AccountLockedNow: this wrong current password locked it and ended "
                + "every token and session of the account; AccountLocked: it was locked already by failed sign-ins; lockedUntil says until when).",
            ["413"] = AuthTooLarge + "; the password was not changed.",
        },
        [("POST", "/api/v1/screenings")] = new()
        {
            ["400"] = ScreeningBadInput,
            ["409"] = ScreeningKeyConflict,
            ["413"] = ScreeningTooLarge,
            ["422"] = ScreeningKeyReused,
            ["503"] = ScreeningNotSaved,
        },
        [("GET", "/api/v1/screenings")] = new()
        {
            ["200"] = "The patient's screenings, newest first (items), each the body GET /api/v1/screenings/{id} answers; and, only when there are any, "
                + "the entries that cannot be read (unreadable); then when the decision log was last verified in full and what it found "
                + "(lastFullVerification), as Find screenings says it: with alert true a screening may be missing from the list or show altered details. "
                + "No screening of that reference: an empty items.",
            ["400"] = "Nothing was listed or recorded. A validation problem naming patientReference when it is missing, empty, not 1-64 characters of "
                + "A-Z a-z 0-9 . _ - or given more than once, and any other query parameter (the list reads only patientReference).",
        },
        [("POST", "/api/v1/screenings/{id}/corrections")] = new()
        {
            ["400"] = ScreeningBadInput + " Also: correctionReason missing, blank, too long, not a string or given twice; patientReference other than "
                + "the corrected screening's; under corrects a correction that changes no answer.",
            ["404"] = "No screening in the decision log has this id (detail names it), or the id is not a UUID: nothing is recorded.",
            ["409"] = "Nothing was recorded: the screening to correct cannot be read, or its two stored copies of its answers disagree (the log may "
                + "have been altered; entryId names it); or, as for POST /api/v1/screenings, the Idempotency-Key was recorded by another user or the "
                + "database refused the entry.",
            ["413"] = ScreeningTooLarge,
            ["422"] = ScreeningKeyReused,
            ["503"] = ScreeningNotSaved,
        },
        [("GET", "/api/v1/screenings/{id}")] = new()
        {
            ["200"] = "The screening as recorded, with the later entries that re-screen or correct it and the overrides of its recommendation.",
            ["400"] = "The query names a parameter: this route reads none. A validation problem naming each; nothing was read or recorded.",
            ["404"] = "No screening in the decision log has this id (detail names it), or the id is not a UUID: nothing is recorded.",
            ["409"] = "The screening's stored content cannot be read (the log may have been altered): named, with a reference.",
        },
        [("GET", "/api/v1/ruleset")] = new()
        {
            ["400"] = "A validation problem naming version when it is not three whole numbers separated by dots (1.1.0) or is given more than once, and "
                + "any other query parameter (the route reads only version).",
            ["404"] = "No released rule set has this version (well formed, such as 9.9.9): detail names it and lists the released versions.",
        },
        [("GET", "/api/v1/ruleset/diff")] = new()
        {
            ["400"] = "A validation problem naming from or to when it is missing, not three whole numbers separated by dots (1.1.0) or given more than "
                + "once, and any other query parameter (the route reads only from and to); and naming from when it was released after to (from is "
                + "the earlier release: the message names both versions). The same version as from and to answers 200 with nothing added, changed or removed.",
            ["404"] = "No released rule set has the version asked for as from or to (well formed, such as 9.9.9): detail names it and lists the released versions.",
        },
        [("GET", "/api/v1/audit/verify")] = new()
        {
            ["200"] = "What the verification found: the decision log's chain and every signed checkpoint (intact, firstBrokenId, the findings), then the "
                + "access log's chain (access). Recorded in the access log.",
            ["400"] = "Nothing was verified or recorded. A validation problem naming from or mode when it names no way to verify (from=checkpoint, "
                + "mode=from-checkpoint or mode=full) or is given more than once, and any other query parameter.",
        },
        [("POST", "/api/v1/audit/checkpoints")] = new()
        {
            ["201"] = "The signed checkpoint written: the decision log's head (sequence, hash, time), the key id and the signature.",
            ["400"] = AuditReadsNoQuery + " " + NoRequestBody.OpenApiDescription,
        },
        [("GET", "/api/v1/audit/checkpoints")] = new()
        {
            ["200"] = "Whether checkpoints are on, the key id, every checkpoint with its status, the files that could not be read, and those set aside.",
            ["400"] = AuditReadsNoQuery,
        },
        [("GET", "/api/v1/audit/checkpoints/key")] = new()
        {
            ["200"] = "The public key that verifies the checkpoints' signatures, PEM.",
            ["400"] = AuditReadsNoQuery,
            ["404"] = "Signed checkpoints are off, so there is no key: detail says why.",
        },
        [("GET", "/api/v1/audit/export.csv")] = new()
        {
            ["200"] = "The decision log's entries for the filter, one CSV row each, newest first (UTF-8 with a byte-order mark). Recorded in the access log. "
                + LastFullVerificationHeaderSaid,
            ["400"] = ExportFilterRefused,
        },
        [("GET", "/api/v1/audit/export.jsonl")] = new()
        {
            ["200"] = "Every decision-log entry for the filter, one JSON object a line, in sequence order, with what the chain hashes, the hash and the "
                + "previous hash. Recorded in the access log. " + LastFullVerificationHeaderSaid,
            ["400"] = ExportFilterRefused,
        },
        [("GET", "/api/v1/audit/screenings/{sequence}/replay")] = new()
        {
            ["200"] = "The entry replayed under the rule set it was decided with: whether the verdict is the one recorded, and the entry's own verification. "
                + "Recorded in the access log.",
            ["400"] = "Nothing was replayed or recorded. A validation problem naming sequence when it is not a whole number from 1, and any query "
                + "parameter (the route reads none).",
            ["404"] = "Nothing to replay at this sequence (detail names it): no entry is there (a place after the log's end, or a gap inside the chain: "
                + "an entry deleted behind the application's back), or the entry is an override, which ran no rules.",
        },
        [("GET", "/api/v1/audit/access.csv")] = new()
        {
            ["200"] = "The access log's events for the filter, one CSV row each, newest first (UTF-8 with a byte-order mark). Recorded in the access log.",
            ["400"] = "Nothing was exported or recorded. A validation problem whose errors name each filter that cannot be used: a name the export does "
                + "not read, one given twice, from or to not a date written yyyy-mm-dd or outside the dates the log can hold, from after to, kind not "
                + "one of the access event kinds, who or subject longer than any recorded one or holding a control character.",
        },
    };

    /// <summary>
    /// Says what each response of the operation means, where its route's texts say it; a problem status the endpoint's
    /// metadata does not declare (the password change's 403, answered by its handler) is added by <paramref name="problem"/>.
    /// </summary>
    public static void Apply(string method, string path, OpenApiOperation operation, Func<string, OpenApiResponse> problem)
    {
        if (!Texts.TryGetValue((method, path), out var texts) || operation.Responses is null)
        {
            return;
        }

        foreach (var (status, text) in texts)
        {
            if (operation.Responses.TryGetValue(status, out var found))
            {
                if (found is OpenApiResponse response)
                {
                    response.Description = text;
                }
            }
            else if (status[0] is '4' or '5')
            {
                operation.Responses[status] = problem(text);
            }
        }
    }

    /// <summary>The 401 of a route behind a bearer token.</summary>
    public const string Unauthorized = "No bearer token, or one that is not valid or whose session ended (signed out, expired, the account locked or "
        + "its password or roles changed): nothing was done. Sign in again (POST /api/auth/login), or trade the refresh token (POST /api/auth/refresh).";

    /// <summary>
    /// The 403 of a route behind <paramref name="policy"/>: a role the policy does not allow (recorded in the access log as a
    /// refusal), or an account that must first change its password or set up a second factor (AccountGate); null where
    /// no 403 is answered (a route under /api/auth, which the gate leaves open, that any signed-in user may call).
    /// </summary>
    public static string? Forbidden(string path, string? policy)
    {
        var roles = policy switch
        {
            Policies.CreateScreening => "a Psychiatrist",
            Policies.ReadScreening => "a Psychiatrist, ClinicStaff or Auditor",
            Policies.Audit => "an Auditor",
            Policies.Admin => "an Admin",
            _ => null,
        };
        const string Gate = "the account must first change its password (code password-change-required) or set up a second factor (code "
            + "second-factor-required), as detail says";
        if (path.StartsWith("/api/auth/", StringComparison.Ordinal))
        {
            return roles is null ? null : $"Nothing was done: the signed-in user is not {roles}.";
        }

        return roles is null
            ? $"Nothing was done: {Gate}."
            : $"Nothing was done: the signed-in user is not {roles} (the refusal is recorded in the access log), or {Gate}.";
    }
}
