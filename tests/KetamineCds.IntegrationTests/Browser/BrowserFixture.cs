using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>The app on a real Kestrel port (Development, so the demo accounts exist) over a temp-file SQLite database.</summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ketaminecds-browser-{Guid.NewGuid():N}.db");

    /// <summary>This app's own checkpoint folder: checkpoints of another test's database would not hold against this one.</summary>
    public string CheckpointDirectory { get; } = Path.Combine(Path.GetTempPath(), $"ketaminecds-browser-checkpoints-{Guid.NewGuid():N}");

    public KestrelAppFactory() => UseKestrel(0);

    /// <summary>Services a test replaces (a decision log that fails as a test needs it), after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string BaseAddress => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={_databasePath}");
        builder.UseSetting("Audit:CheckpointDirectory", CheckpointDirectory);
        // The browser tests sign in many times a minute from one address; the sign-in limit has its own test.
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
        builder.ConfigureServices(TestPasswordHashing.Use);
        if (TestServices is { } replace)
        {
            builder.ConfigureServices(replace);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(CheckpointDirectory))
            {
                Directory.Delete(CheckpointDirectory, recursive: true);
            }

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_databasePath + suffix);
                }
                catch (IOException)
                {
                    // A leftover temp file is harmless.
                }
            }
        }
    }
}

/// <summary>
/// Starts the app and the machine's headless Chromium once for all browser tests. The browser is never downloaded:
/// <c>KETAMINECDS_CHROMIUM</c> or <c>/usr/bin/chromium</c>. A missing Chromium or axe-core fails the tests with a
/// message saying what to install; it is never a silent skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Password = "Demo!Passw0rd1";

    private IPlaywright? _playwright;

    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    /// <summary>axe-core's script, from this project's node_modules (npm ci).</summary>
    public string AxePath { get; private set; } = "";

    /// <summary>Where screenshots and PDFs go: TestResults/screenshots under the repository root.</summary>
    public string OutputFolder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var chromium = Environment.GetEnvironmentVariable("KETAMINECDS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {chromium} (set KETAMINECDS_CHROMIUM, or apt-get install -y chromium). They do not download a browser.");
        }

        var root = TestRepository.Root();
        AxePath = Path.Combine(root, "tests", "KetamineCds.IntegrationTests", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(AxePath))
        {
            throw new InvalidOperationException($"Browser tests need axe-core at {AxePath}: run npm ci in tests/KetamineCds.IntegrationTests.");
        }

        OutputFolder = Path.Combine(root, "TestResults", "screenshots");
        Directory.CreateDirectory(OutputFolder);

        App.StartServer();
        BaseAddress = App.BaseAddress.TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context (its own cookies), signed in as a demo account; with <paramref name="locale"/>, a
    /// browser set to that language (its Accept-Language header), as a clinician's browser in China would be.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            // The app will get a strict Content-Security-Policy; the injected axe-core script must still run.
            BypassCSP = true,
            Locale = locale,
            ExtraHTTPHeaders = locale is null ? null : new Dictionary<string, string> { ["Accept-Language"] = locale },
        });
        var page = await context.NewPageAsync();
        if (!await SignInAsync(page, email, Password))
        {
            throw new InvalidOperationException($"The demo account {email} could not sign in.");
        }

        return page;
    }

    /// <summary>Whether the account signs in with this password, tried in a fresh context that is closed afterwards.</summary>
    public async Task<bool> SignsInAsync(string email, string password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress });
        var page = await context.NewPageAsync();
        var signedIn = await SignInAsync(page, email, password);
        await context.CloseAsync();
        return signedIn;
    }

    /// <summary>
    /// A fresh browser context (its own cookies, signed out) that keeps the app's Content-Security-Policy, with the
    /// problems a person would meet collected as they happen: console errors (CSP refusals among them), script errors
    /// and answers of 400 or more.
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageUnderCspAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text + " (" + message.Location + ")");
            }
        };
        page.PageError += (_, error) => problems.Add("script error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        return (page, problems);
    }

    /// <summary>
    /// Fills and submits the sign-in form, then waits for what the user would see next: the signed-in layout's
    /// "Sign out" button or the sign-in page's error summary. Waiting for elements rather than for load or
    /// network-idle events avoids races between the click and the navigation it starts.
    /// </summary>
    public static async Task<bool> SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        // By id, not by label: the page may be in either language.
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
        var signedIn = page.Locator("form.signout button[type=submit]");
        var refused = page.Locator("#error-summary");
        await signedIn.Or(refused).First.WaitForAsync(new() { Timeout = 60_000 });
        return await signedIn.IsVisibleAsync();
    }

    /// <summary>
    /// Waits until the page has navigated to a URL matching <paramref name="url"/> and its main content is in the
    /// DOM. Waits on the URL (polled) and an element, not on the load event, for the reason given at
    /// <see cref="SignInAsync"/>.
    /// </summary>
    public static async Task ArrivedAtAsync(IPage page, Regex url)
    {
        try
        {
            // Polls the page's URL: a navigation event can be missed when the page settles by a same-document URL change
            // (the CI once timed out here with the page already at the URL it waited for).
            await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 60_000 });
        }
        catch (PlaywrightException timeout)
        {
            // Say where the page stayed and what it showed (an error summary, a 429), not only that it timed out.
            var shown = await page.Locator("main").CountAsync() > 0 ? await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }) : await page.ContentAsync();
            throw new TimeoutException($"Expected a URL matching {url} within 60 s; the page stayed at {page.Url} showing: {shown[..Math.Min(shown.Length, 1_500)]}", timeout);
        }

        await page.Locator("main").WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The screening form's required answers only (an adult with MDD, three failed trials), as the issue's journey fills them.</summary>
    public static async Task FillTheRequiredAnswersAsync(IPage page, string reference)
    {
        await page.GetByLabel("Patient reference (MRN)").FillAsync(reference);
        await page.GetByLabel("Age in years").FillAsync("45");
        await FillTheRequiredClinicalAnswersAsync(page);
    }

    /// <summary>The required answers after the patient's reference and age.</summary>
    public static async Task FillTheRequiredClinicalAnswersAsync(IPage page)
    {
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.GetByLabel("Failed adequate antidepressant trials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");
    }

    /// <summary>
    /// Saves a full-page PNG and returns its path. A long page (the rules catalogue, every rule of the set) takes long to paint on
    /// a loaded machine: a screenshot is a record to look at, not a measure of speed, so it has two minutes, not the 30 s
    /// default (session 65: the rules page's screenshot timed out in a CI run beside other builds).
    /// </summary>
    public async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(OutputFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 120_000 });
        return path;
    }

    /// <summary>Runs axe-core in the page and returns the serious and critical violations, one line each.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath });
        var violations = await page.EvaluateAsync<string[]>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """);
        return violations;
    }

    /// <summary>Records a screening through the API as the demo psychiatrist and returns the response's body (its id, overall verdict, findings).</summary>
    public async Task<JsonNode> RecordScreeningAsync(JsonObject history)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "psychiatrist@demo.local", password = Password });
        login.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync("/api/v1/screenings", new StringContent(history.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>The number of pages in a PDF: its page objects.</summary>
    public static int CountPdfPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return Regex.Count(text, @"/Type\s*/Page(?![a-zA-Z])");
    }

    /// <summary>
    /// The text of each page of a PDF file, as poppler's <c>pdftotext -layout</c> reads it (pages end with a form
    /// feed). A missing pdftotext fails the test with what to install; it is never a silent skip.
    /// </summary>
    public static IReadOnlyList<string> PdfPageTexts(string pdfPath)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", pdfPath, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Browser tests that read a printed PDF need pdftotext: apt-get install -y poppler-utils.", e);
        }

        using (process)
        {
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pdftotext {pdfPath} failed: {process.StandardError.ReadToEnd()}");
            }

            var pages = text.Split('\f').ToList();
            if (pages.Count > 0 && pages[^1].Trim().Length == 0)
            {
                pages.RemoveAt(pages.Count - 1);
            }

            return pages;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
