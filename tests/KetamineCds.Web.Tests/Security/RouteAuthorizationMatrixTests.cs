using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// The role-by-route matrix: every page and API route, read from the app's own endpoint list, is requested
/// anonymously and as each role, and the answer must match the allowed set below. A route that is not in the table,
/// or that carries no explicit authorization metadata, fails the test.
/// </summary>
public sealed partial class RouteAuthorizationMatrixTests(RouteAuthorizationMatrixTests.Fixture fixture)
    : IClassFixture<RouteAuthorizationMatrixTests.Fixture>
{
    /// <summary>Who may use a route.</summary>
    [Flags]
    public enum Who
    {
        Nobody = 0,
        Psychiatrist = 1,
        ClinicStaff = 2,
        Auditor = 4,
        Admin = 8,
        AnySignedIn = Psychiatrist | ClinicStaff | Auditor | Admin,
        Readers = Psychiatrist | ClinicStaff | Auditor,
        Anonymous = 16 | AnySignedIn,
    }

    /// <summary>The allowed set of every route, keyed "METHOD pattern" (pages: "PAGE pattern").</summary>
    public static readonly IReadOnlyDictionary<string, Who> Expected = new Dictionary<string, Who>(StringComparer.Ordinal)
    {
        // Operations and sign-in: open to all.
        ["ANY /health/live"] = Who.Anonymous,
        ["ANY /health/ready"] = Who.Anonymous,
        ["GET /openapi/v1.json"] = Who.Anonymous,
        ["HEAD /openapi/v1.json"] = Who.Anonymous,
        // GET /openapi redirects to the document; every other path or method there is a 404 problem naming it. HEAD
        // answers as GET.
        ["GET /openapi"] = Who.Anonymous,
        ["HEAD /openapi"] = Who.Anonymous,
        ["GET /openapi/{**rest}"] = Who.Anonymous,
        ["HEAD /openapi/{**rest}"] = Who.Anonymous,
        ["POST /openapi/{**rest}"] = Who.Anonymous,
        ["PUT /openapi/{**rest}"] = Who.Anonymous,
        ["PATCH /openapi/{**rest}"] = Who.Anonymous,
        ["DELETE /openapi/{**rest}"] = Who.Anonymous,
        ["POST /api/auth/login"] = Who.Anonymous,
        ["POST /api/auth/refresh"] = Who.Anonymous,
        ["POST /api/auth/logout"] = Who.AnySignedIn,
        ["PAGE /Account/Login"] = Who.Anonymous,
        ["PAGE /Account/LoginWithCode"] = Who.Anonymous,
        ["PAGE /Account/Logout"] = Who.Anonymous,
        ["PAGE /Account/AccessDenied"] = Who.Anonymous,
        ["PAGE /Error"] = Who.Anonymous,
        // The language switch: the sign-in page has it too; it carries the page's anti-forgery token.
        ["POST /Language"] = Who.Anonymous,
        // The page session's keep-alive: open at the door so that no session gets a plain 401 (never the sign-in redirect);
        // it renews only the caller's own page session and holds no data (SessionKeepAlive).
        ["GET /Account/KeepAlive"] = Who.Anonymous,

        // CDS Hooks: no user sign-in; every call must carry a configured EHR's client JWT (401 otherwise, docs/cds-hooks.md).
        ["GET /cds-services"] = Who.Anonymous,
        ["POST /cds-services/{id}"] = Who.Anonymous,
        ["POST /cds-services/{id}/feedback"] = Who.Anonymous,
        // Every other path or method there (any method: HEAD, OPTIONS, TRACE...): a 404 or 405 problem for the integrator,
        // never the sign-in page.
        ["ANY /cds-services/{**rest}"] = Who.Anonymous,

        // Every signed-in role: the home page, the rule set and the principles (no patient data).
        ["PAGE /"] = Who.AnySignedIn,
        ["PAGE /Index"] = Who.AnySignedIn,
        ["PAGE /Rules"] = Who.AnySignedIn,
        ["PAGE /Rules/Index"] = Who.AnySignedIn,
        ["PAGE /Rules/Diff"] = Who.AnySignedIn,
        ["PAGE /Principles"] = Who.AnySignedIn,
        ["PAGE /Principles/Index"] = Who.AnySignedIn,
        ["GET /api/v1/ruleset"] = Who.AnySignedIn,
        ["GET /api/v1/ruleset/diff"] = Who.AnySignedIn,

        // Each signed-in user's own account: password and second factor.
        ["PAGE /Account/ChangePassword"] = Who.AnySignedIn,
        ["POST /api/auth/password"] = Who.AnySignedIn,
        ["PAGE /Account/TwoFactor"] = Who.AnySignedIn,
        ["PAGE /Account/TwoFactor/Index"] = Who.AnySignedIn,
        ["PAGE /Account/TwoFactor/Enable"] = Who.AnySignedIn,

        // Screenings: created by psychiatrists only; read and printed by psychiatrists, clinic staff and auditors.
        ["PAGE /Screenings/New"] = Who.Psychiatrist,
        ["POST /api/v1/screenings"] = Who.Psychiatrist,
        ["POST /api/v1/screenings/{id:guid}/corrections"] = Who.Psychiatrist,
        // An id that is not a UUID: answered "no screening has this id" under the same policy as the UUID route.
        ["POST /api/v1/screenings/{id}/corrections"] = Who.Psychiatrist,
        ["PAGE /Screenings"] = Who.Readers,
        ["PAGE /Screenings/Index"] = Who.Readers,
        ["PAGE /Screenings/{id:guid}"] = Who.Readers,
        ["PAGE /Screenings/{id:guid}/Print"] = Who.Readers,
        ["GET /api/v1/screenings"] = Who.Readers,
        ["GET /api/v1/screenings/{id:guid}"] = Who.Readers,
        ["GET /api/v1/screenings/{id}"] = Who.Readers,

        // The auditor's workspace.
        ["PAGE /Audit"] = Who.Auditor,
        ["PAGE /Audit/Index"] = Who.Auditor,
        ["PAGE /Audit/Access"] = Who.Auditor,
        ["PAGE /Audit/Impact"] = Who.Auditor,
        ["PAGE /Audit/Verify"] = Who.Auditor,
        ["PAGE /Audit/Checkpoints"] = Who.Auditor,
        ["PAGE /Audit/HookAnswer/{id:guid}"] = Who.Auditor,
        ["PAGE /Audit/Override/{id:guid}"] = Who.Auditor,
        ["PAGE /Audit/Replay/{id:guid}"] = Who.Auditor,
        ["PAGE /Audit/Screening/{id:guid}"] = Who.Auditor,
        ["GET /api/v1/audit/verify"] = Who.Auditor,
        ["POST /api/v1/audit/checkpoints"] = Who.Auditor,
        ["GET /api/v1/audit/checkpoints"] = Who.Auditor,
        ["GET /api/v1/audit/checkpoints/key"] = Who.Auditor,
        ["GET /api/v1/audit/export.csv"] = Who.Auditor,
        ["GET /api/v1/audit/export.jsonl"] = Who.Auditor,
        ["GET /api/v1/audit/access.csv"] = Who.Auditor,
        ["GET /api/v1/audit/screenings/{sequence}/replay"] = Who.Auditor,

        // Administration: accounts only, no clinical data.
        ["PAGE /Admin/Users"] = Who.Admin,
        ["PAGE /Admin/Users/Index"] = Who.Admin,
        ["PAGE /Admin/Users/Create"] = Who.Admin,
        ["PAGE /Admin/Users/Edit/{id}"] = Who.Admin,
        // An account's sign-in and account events only (EfAccessAudit.AccountKinds); the whole access log is the auditor's.
        ["PAGE /Admin/Users/Events/{id}"] = Who.Admin,
    };

    private static readonly string[] Callers = ["anonymous", "psychiatrist", "staff", "auditor", "admin"];

    public static IEnumerable<object[]> Cases() =>
        from entry in Expected
        from who in Callers
        select new object[] { entry.Key, who };

    [Fact]
    public void EveryEndpoint_IsInTheMatrixWithExplicitAuthorization()
    {
        var endpoints = fixture.Endpoints();
        var missing = endpoints.Keys.Where(k => !Expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();
        var stale = Expected.Keys.Where(k => !endpoints.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();
        var unprotected = endpoints
            .Where(e => e.Value.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Value.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();

        Assert.True(missing.Length == 0, "Routes missing from the matrix (add each with its allowed roles):\n" + string.Join("\n", missing));
        Assert.True(stale.Length == 0, "Matrix entries for routes that no longer exist:\n" + string.Join("\n", stale));
        Assert.True(unprotected.Length == 0, "Routes without an explicit policy or AllowAnonymous:\n" + string.Join("\n", unprotected));
        var anonymousWithoutMetadata = Expected.Where(e => e.Value == Who.Anonymous && endpoints.TryGetValue(e.Key, out var ep) && ep.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.Key).ToArray();
        Assert.True(anonymousWithoutMetadata.Length == 0, "Routes the matrix opens to anonymous callers but the app does not mark AllowAnonymous:\n" + string.Join("\n", anonymousWithoutMetadata));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_RequestedAs_AnswersAsTheMatrixSays(string route, string who)
    {
        var allowed = Expected[route];
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var pattern = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var isPage = method == "PAGE";
        var path = "/" + Parameter().Replace(pattern.TrimStart('/'), m => m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "matrix-sample");
        // Signing out ends the shared client's session: that route gets a client of its own.
        var client = await fixture.ClientAsync(who, isPage, fresh: route == "POST /api/auth/logout");
        using var request = new HttpRequestMessage(isPage ? HttpMethod.Get : new HttpMethod(method), path);
        if (!isPage && method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        // An anonymous route's own answer may be 401 or 403 (a wrong password; the access-denied page), so for those
        // only a challenge that sends the caller to sign in counts as a refusal; the metadata check covers the rest.
        var denied = allowed == Who.Anonymous ? IsSentToSignIn(response) : IsDenied(response, isPage);
        var shouldBeAllowed = who switch
        {
            "anonymous" => allowed.HasFlag(Who.Anonymous),
            "psychiatrist" => allowed.HasFlag(Who.Psychiatrist),
            "staff" => allowed.HasFlag(Who.ClinicStaff),
            "auditor" => allowed.HasFlag(Who.Auditor),
            _ => allowed.HasFlag(Who.Admin),
        };

        Assert.True(shouldBeAllowed != denied, $"{route} as {who}: expected {(shouldBeAllowed ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>
    /// The cookie handler's challenge: a redirect to the sign-in page carrying the path asked for (<c>ReturnUrl</c>). A page
    /// that sends a signed-in user on to the sign-in page's "You are signed in as" (the code step asked for when signed
    /// in, QA169 F12) answers so itself and carries no path it was refused.
    /// </summary>
    private static bool IsSentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && (response.Headers.Location?.OriginalString ?? "") is var location
        && location.Contains("/Account/Login", StringComparison.Ordinal)
        && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);

    private static bool IsDenied(HttpResponseMessage response, bool isPage)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return isPage && response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal));
    }

    [GeneratedRegex("\\{(?<name>[^}:?]+)(?<constraint>[^}]*)\\}")]
    private static partial Regex Parameter();

    /// <summary>One app for the whole matrix, with a signed-in page client and API client per role.</summary>
    public sealed class Fixture : IAsyncLifetime, IDisposable
    {
        private readonly KetamineCdsFactory _factory = new();
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            _clients["anonymous/page"] = _factory.CreateRawClient();
            _clients["anonymous/api"] = _factory.CreateRawClient();
            foreach (var (who, email) in new[] { ("psychiatrist", KetamineCdsFactory.Psychiatrist), ("staff", KetamineCdsFactory.Staff), ("auditor", KetamineCdsFactory.Auditor), ("admin", KetamineCdsFactory.Admin) })
            {
                _clients[who + "/page"] = await _factory.CreatePageClientAsync(email);
                _clients[who + "/api"] = await _factory.CreateApiClientAsync(email);
            }
        }

        public async Task<HttpClient> ClientAsync(string who, bool page, bool fresh = false)
        {
            if (!fresh || who == "anonymous")
            {
                return _clients[who + (page ? "/page" : "/api")];
            }

            var email = who switch
            {
                "psychiatrist" => KetamineCdsFactory.Psychiatrist,
                "staff" => KetamineCdsFactory.Staff,
                "auditor" => KetamineCdsFactory.Auditor,
                _ => KetamineCdsFactory.Admin,
            };
            var client = page ? await _factory.CreatePageClientAsync(email) : await _factory.CreateApiClientAsync(email);
            _clients[who + (page ? "/page/" : "/api/") + Guid.NewGuid().ToString("N")] = client;
            return client;
        }

        /// <summary>Every routable endpoint of the app, keyed as the matrix keys them.</summary>
        public IReadOnlyDictionary<string, RouteEndpoint> Endpoints()
        {
            var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
            foreach (var endpoint in _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
                {
                    result["PAGE " + pattern] = endpoint;
                    continue;
                }

                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
                foreach (var method in methods)
                {
                    result[method + " " + pattern] = endpoint;
                }
            }

            return result;
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
            _factory.Dispose();
        }
    }
}
