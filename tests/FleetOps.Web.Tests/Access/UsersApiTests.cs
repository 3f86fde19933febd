using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// The Users API (PROTOCOL §4b): an integrator creates a person who can then sign in with their scope, lists people and
/// disables one, which ends their sessions at once; every refusal names its reason and stores nothing.
/// </summary>
public sealed class UsersApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string Password = "Provisioned-2026";

    /// <summary>Where users are created, with stores in it; stores of <see cref="FleetOpsApi.CreateStoreAsync"/> are in "East".</summary>
    private async Task<string> StoreAsync() => await app.CreateStoreAsync(Ids.New("U"));

    private static string NewEmail() => $"{Ids.New("api")}@fleetops.test";

    private static object Technician(string email, string store) =>
        new { email, displayName = "Tao Technician", role = "technician", regions = Array.Empty<string>(), stores = new[] { store }, password = Password };

    private async Task<string> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/users", body);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var id = Expect.Wire((await Expect.JsonObjectAsync(response))["id"]);
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    private async Task<JsonObject?> ListedAsync(HttpClient client, string email)
    {
        using var response = await client.GetAsync($"/api/v1/users?search={Uri.EscapeDataString(email)}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await Expect.JsonObjectAsync(response))["items"]!.AsArray().OfType<JsonObject>().SingleOrDefault(u => Expect.Wire(u["email"]) == email);
    }

    [Fact]
    public async Task Created_user_is_listed_signs_in_sees_only_their_store_and_is_audited()
    {
        var store = await StoreAsync();
        var other = await StoreAsync();
        var email = NewEmail();
        using var admin = app.CreateAdminClient();

        var id = await CreateAsync(admin, Technician(email, store.ToLowerInvariant()));

        var listed = await ListedAsync(admin, email);
        Assert.NotNull(listed);
        Assert.Equal(["id", "email", "displayName", "role", "regions", "stores", "disabled"], listed.Select(p => p.Key));
        Assert.Equal(id, Expect.Wire(listed["id"]));
        Assert.Equal("Tao Technician", Expect.Wire(listed["displayName"]));
        Assert.Equal("technician", Expect.Wire(listed["role"]));
        Assert.Empty(listed["regions"]!.AsArray());
        Assert.Equal([store], listed["stores"]!.AsArray().Select(Expect.Wire)); // as the store is registered, not as sent
        Assert.False(listed["disabled"]!.GetValue<bool>());
        using var one = await admin.GetAsync($"/api/v1/users/{id}");
        Assert.Equal(listed.ToJsonString(), (await Expect.JsonObjectAsync(one)).ToJsonString());

        using var browser = await app.SignedInBrowserAsync(new TestUser(id, email, Password, Roles.Technician));
        using var stores = await browser.GetAsync("/api/v1/stores");
        var seen = (await Expect.JsonObjectAsync(stores))["items"]!.AsArray().Select(s => Expect.Wire(s!["code"])).ToList();
        Assert.Equal([store], seen);
        Assert.DoesNotContain(other, seen);

        var audit = Assert.Single(await app.AuditAsync(AuditActions.UserCreated), a => a.Target == email);
        Assert.Equal(AccessResolver.BootstrapName, audit.Actor);
        Assert.Equal($"Technician · stores: {store}", audit.Details);
    }

    [Fact]
    public async Task Regional_manager_created_with_a_region_sees_its_stores_and_an_administrator_keeps_no_scope()
    {
        var region = $"Region {Ids.New("R")}";
        var store = Ids.New("U");
        using var admin = app.CreateAdminClient();
        using var created = await admin.PostAsJsonAsync("/api/v1/stores", new { code = store, name = "North store", region, timeZone = "Asia/Shanghai" });
        await Expect.StatusAsync(created, HttpStatusCode.Created);

        var managerId = await CreateAsync(admin, new
        {
            email = NewEmail(), displayName = "Rui Regional", role = "regional_manager", regions = new[] { region.ToUpperInvariant() }, password = Password,
        });
        var adminId = await CreateAsync(admin, new
        {
            email = NewEmail(), displayName = "Ada Admin", role = "administrator", regions = new[] { region }, stores = new[] { store }, password = Password,
        });

        var directory = app.GetService<UserDirectory>();
        var manager = directory.Get(managerId)!;
        Assert.Equal((Roles.RegionalManager, region), (manager.Role, Assert.Single(manager.Regions)));
        Assert.True(manager.Scope.AllowsStore(store, app.GetService<FleetOps.Core.Fleet.StoreDirectory>()));
        var administrator = directory.Get(adminId)!;
        Assert.Equal(Roles.Administrator, administrator.Role);
        Assert.Empty(administrator.Regions);
        Assert.Empty(administrator.Stores);
        Assert.Equal("administrator", Expect.Wire((await ListedAsync(admin, administrator.Email))!["role"]));
    }

    [Fact]
    public async Task Disabling_answers_the_user_and_ends_their_cookie_token_and_hub_connection_at_once()
    {
        var email = NewEmail();
        using var admin = app.CreateAdminClient();
        var id = await CreateAsync(admin, Technician(email, await StoreAsync()));
        var user = new TestUser(id, email, Password, Roles.Technician);
        using var browser = await app.SignedInBrowserAsync(user);
        var (_, token) = await app.CreateApiTokenAsync(user);
        using var tokenClient = app.CreateTokenClient(token);
        await using var feed = await HubFeed.StartAsync(app, token);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/stores"), HttpStatusCode.OK);
        await Expect.StatusAsync(await tokenClient.GetAsync("/api/v1/stores"), HttpStatusCode.OK);

        using var disabled = await admin.PostAsync($"/api/v1/users/{id}/disable", null);

        await Expect.StatusAsync(disabled, HttpStatusCode.OK);
        var body = await Expect.JsonObjectAsync(disabled);
        Assert.Equal((id, true), (Expect.Wire(body["id"]), body["disabled"]!.GetValue<bool>()));
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/stores"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await tokenClient.GetAsync("/api/v1/stores"), HttpStatusCode.Unauthorized);
        await feed.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        using var fresh = app.CreateBrowser();
        using var again = await fresh.PostSignInAsync(email, Password);
        Assert.StartsWith("/account/signin?error=invalid", Browser.LocationOf(again), StringComparison.Ordinal);
        Assert.True((await ListedAsync(admin, email))!["disabled"]!.GetValue<bool>());
        Assert.Single(await app.AuditAsync(AuditActions.UserDisabled), a => a.Target == email);

        // Disabling a disabled user changes nothing: the same answer, no second audit line.
        using var twice = await admin.PostAsync($"/api/v1/users/{id}/disable", null);
        Assert.True((await Expect.JsonObjectAsync(twice))["disabled"]!.GetValue<bool>());
        Assert.Single(await app.AuditAsync(AuditActions.UserDisabled), a => a.Target == email);
    }

    [Fact]
    public async Task Enabling_brings_a_disabled_user_back_with_their_password_and_token()
    {
        var email = NewEmail();
        using var admin = app.CreateAdminClient();
        var id = await CreateAsync(admin, Technician(email, await StoreAsync()));
        var (_, token) = await app.CreateApiTokenAsync(new TestUser(id, email, Password, Roles.Technician));
        using var tokenClient = app.CreateTokenClient(token);
        await Expect.StatusAsync(await admin.PostAsync($"/api/v1/users/{id}/disable", null), HttpStatusCode.OK);
        await Expect.StatusAsync(await tokenClient.GetAsync("/api/v1/stores"), HttpStatusCode.Unauthorized);

        using var enabled = await admin.PostAsync($"/api/v1/users/{id}/enable", null);

        var body = await Expect.JsonObjectAsync(enabled);
        Assert.Equal((id, false), (Expect.Wire(body["id"]), body["disabled"]!.GetValue<bool>()));
        await Expect.StatusAsync(await tokenClient.GetAsync("/api/v1/stores"), HttpStatusCode.OK);
        using var fresh = app.CreateBrowser();
        using var signIn = await fresh.PostSignInAsync(email, Password);
        Assert.DoesNotContain("error=", Browser.LocationOf(signIn), StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync(AuditActions.UserEnabled), a => a.Target == email);

        // Enabling an active user changes nothing: the same answer, no second audit line.
        using var twice = await admin.PostAsync($"/api/v1/users/{id}/enable", null);
        Assert.False((await Expect.JsonObjectAsync(twice))["disabled"]!.GetValue<bool>());
        Assert.Single(await app.AuditAsync(AuditActions.UserEnabled), a => a.Target == email);
        await Expect.ProblemAsync(await admin.PostAsync("/api/v1/users/no-such-user/enable", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_may_use_the_api_with_their_token_or_cookie_but_cannot_disable_themselves()
    {
        var me = await app.CreateUserAsync(Roles.Administrator);
        using var mine = app.CreateTokenClient((await app.CreateApiTokenAsync(me)).Token);
        using var browser = await app.SignedInBrowserAsync(me);
        var email = NewEmail();

        var id = await CreateAsync(mine, Technician(email, await StoreAsync()));
        Assert.Equal(me.Email, Assert.Single(await app.AuditAsync(AuditActions.UserCreated), a => a.Target == email).Actor);
        Assert.NotNull(await ListedAsync(browser, email));

        using var self = await mine.PostAsync($"/api/v1/users/{me.Id}/disable", null);
        var problem = await Expect.ProblemAsync(self, HttpStatusCode.Conflict);
        Assert.Equal("You cannot disable yourself.", Expect.Wire(problem["detail"]));
        Assert.False(app.GetService<UserDirectory>().Get(me.Id)!.Disabled);
        await Expect.StatusAsync(await browser.PostAsync($"/api/v1/users/{id}/disable", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_id_is_404()
    {
        using var admin = app.CreateAdminClient();

        var problem = await Expect.ProblemAsync(await admin.PostAsync("/api/v1/users/no-such-user/disable", null), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await admin.GetAsync("/api/v1/users/no-such-user"), HttpStatusCode.NotFound);

        Assert.Equal("There is no user 'no-such-user'.", Expect.Wire(problem["detail"]));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        // case, field, body (EMAIL and STORE are replaced; every other field is valid)
        { "weak password", "password", """{"email":"EMAIL","displayName":"W","role":"technician","stores":["STORE"],"password":"short"}""" },
        { "unknown store", "stores", """{"email":"EMAIL","displayName":"W","role":"technician","stores":["STORE","NO-SUCH-STORE"],"password":"Provisioned-2026"}""" },
        { "unknown region", "regions", """{"email":"EMAIL","displayName":"W","role":"regional_manager","regions":["Atlantis"],"password":"Provisioned-2026"}""" },
        { "role in Identity's spelling", "role", """{"email":"EMAIL","displayName":"W","role":"Technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "unknown role", "role", """{"email":"EMAIL","displayName":"W","role":"owner","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "role as a number", "role", """{"email":"EMAIL","displayName":"W","role":0,"stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "card number in the name", "displayName", """{"email":"EMAIL","displayName":"Wu 4111 1111 1111 1111","role":"technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "control character in the name", "displayName", """{"email":"EMAIL","displayName":"Wu\u0007","role":"technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "lone surrogate in the name", "displayName", """{"email":"EMAIL","displayName":"Wu\ud800","role":"technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "name missing", "displayName", """{"email":"EMAIL","role":"technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "name too long", "displayName", $$"""{"email":"EMAIL","displayName":"{{new string('w', 101)}}","role":"technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "not an e-mail", "email", """{"email":"EMAIL@","displayName":"W","role":"technician","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "password missing", "password", """{"email":"EMAIL","displayName":"W","role":"technician","stores":["STORE"]}""" },
        { "regional manager without a region", "regions", """{"email":"EMAIL","displayName":"W","role":"regional_manager","stores":["STORE"],"password":"Provisioned-2026"}""" },
        { "store manager without a store", "stores", """{"email":"EMAIL","displayName":"W","role":"store_manager","regions":[],"stores":[],"password":"Provisioned-2026"}""" },
        { "technician without a store", "stores", """{"email":"EMAIL","displayName":"W","role":"technician","regions":[],"stores":[],"password":"Provisioned-2026"}""" },
        { "stores not a list", "stores", """{"email":"EMAIL","displayName":"W","role":"technician","stores":"STORE","password":"Provisioned-2026"}""" },
        { "store not a string", "stores[0]", """{"email":"EMAIL","displayName":"W","role":"technician","stores":[7],"password":"Provisioned-2026"}""" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_is_400_naming_the_field_and_creates_nobody(string why, string field, string body)
    {
        var email = NewEmail();
        var store = await StoreAsync();
        using var admin = app.CreateAdminClient();
        var audited = (await app.AuditAsync(AuditActions.UserCreated)).Count;

        using var response = await admin.PostAsync("/api/v1/users",
            new StringContent(body.Replace("EMAIL", email, StringComparison.Ordinal).Replace("STORE", store, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        var problem = await Expect.ValidationProblemAsync(response, field);
        Assert.True(problem["errors"]!.AsObject().Count == 1, $"{why}: {problem.ToJsonString()}");
        Assert.Null(app.GetService<UserDirectory>().ByEmail(email));
        Assert.Equal(audited, (await app.AuditAsync(AuditActions.UserCreated)).Count);
    }

    [Fact]
    public async Task Refusals_say_why_in_words_an_integrator_can_act_on()
    {
        var store = await StoreAsync();
        using var admin = app.CreateAdminClient();

        async Task<string> ErrorAsync(object body, string field) =>
            Expect.Wire((await Expect.ValidationProblemAsync(await admin.PostAsJsonAsync("/api/v1/users", body), field))["errors"]![field]![0]);

        Assert.Equal("A password needs at least 10 characters.",
            await ErrorAsync(new { email = NewEmail(), displayName = "W", role = "technician", stores = new[] { store }, password = "Short-1" }, "password"));
        Assert.Equal("No store has code 'NO-SUCH'.",
            await ErrorAsync(new { email = NewEmail(), displayName = "W", role = "technician", stores = new[] { "NO-SUCH" }, password = Password }, "stores"));
        Assert.Equal("No store is in a region named 'Atlantis'.",
            await ErrorAsync(new { email = NewEmail(), displayName = "W", role = "regional_manager", regions = new[] { "Atlantis" }, password = Password }, "regions"));
        Assert.Equal("'role' must be one of: administrator, regional_manager, store_manager, technician.",
            await ErrorAsync(new { email = NewEmail(), displayName = "W", role = "boss", stores = new[] { store }, password = Password }, "role"));
        var card = await ErrorAsync(new { email = NewEmail(), displayName = "4111 1111 1111 1111", role = "technician", stores = new[] { store }, password = Password }, "displayName");
        Assert.Contains("full card number", card, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_email_in_any_letter_case_is_409_and_the_first_user_is_unchanged()
    {
        var email = NewEmail();
        var store = await StoreAsync();
        using var admin = app.CreateAdminClient();
        var id = await CreateAsync(admin, Technician(email, store));

        using var again = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = email.ToUpperInvariant(), displayName = "Someone Else", role = "administrator", password = Password,
        });

        var problem = await Expect.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal($"The e-mail {email.ToUpperInvariant()} already belongs to a user.", Expect.Wire(problem["detail"]));
        var user = Assert.Single(app.GetService<UserDirectory>().All, u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((id, Roles.Technician, "Tao Technician"), (user.UserId, user.Role, user.DisplayName));
    }

    [Theory]
    [InlineData("{\"email\": \"x@fleetops.test\", \"displayName\": ", "The request body is not valid JSON of the expected shape.")]
    [InlineData("[]", "The request body is not valid JSON of the expected shape.")]
    [InlineData("", "The request body is missing or is not JSON.")]
    public async Task A_body_that_is_not_a_json_object_is_400_saying_so(string body, string says)
    {
        using var admin = app.CreateAdminClient();
        var before = app.GetService<UserDirectory>().All.Count;

        using var response = await admin.PostAsync("/api/v1/users", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Expect.ValidationProblemAsync(response, "body");
        Assert.Equal(says, Expect.Wire(problem["errors"]!["body"]![0]));
        Assert.Equal(before, app.GetService<UserDirectory>().All.Count);
    }

    [Fact]
    public async Task Non_administrators_get_403_and_change_nothing_and_anonymous_callers_401()
    {
        var store = await StoreAsync();
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var target = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var token = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var cookie = await app.SignedInBrowserAsync(manager);
        using var anonymous = app.CreateAnonymousClient();
        var email = NewEmail();

        foreach (var client in new[] { token, cookie })
        {
            // The same reason whether the person came with a token or signed in: neither is told it is about a token.
            var refused = await Expect.ProblemAsync(await client.GetAsync("/api/v1/users"), HttpStatusCode.Forbidden);
            Assert.Equal("Your role or your stores do not allow this.", Expect.Wire(refused["detail"]));
            await Expect.StatusAsync(await client.GetAsync($"/api/v1/users/{target.Id}"), HttpStatusCode.Forbidden);
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/users", Technician(email, store)), HttpStatusCode.Forbidden);
            await Expect.StatusAsync(await client.PostAsync($"/api/v1/users/{target.Id}/disable", null), HttpStatusCode.Forbidden);
        }
        await Expect.StatusAsync(await anonymous.GetAsync("/api/v1/users"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostAsJsonAsync("/api/v1/users", Technician(email, store)), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostAsync($"/api/v1/users/{target.Id}/disable", null), HttpStatusCode.Unauthorized);

        Assert.Null(app.GetService<UserDirectory>().ByEmail(email));
        Assert.False(app.GetService<UserDirectory>().Get(target.Id)!.Disabled);
    }

    [Fact]
    public async Task List_filters_by_role_search_and_state_and_refuses_a_bad_value_by_name()
    {
        var store = await StoreAsync();
        using var admin = app.CreateAdminClient();
        var tag = Ids.New("flt");
        var technician = await CreateAsync(admin, Technician($"{tag}-t@fleetops.test", store));
        var manager = await CreateAsync(admin, new
        {
            email = $"{tag}-m@fleetops.test", displayName = "Mei Manager", role = "store_manager", stores = new[] { store }, password = Password,
        });
        await Expect.StatusAsync(await admin.PostAsync($"/api/v1/users/{manager}/disable", null), HttpStatusCode.OK);

        async Task<(string[] Ids, int Total)> PageAsync(string query)
        {
            var body = await Expect.JsonObjectAsync(await admin.GetAsync($"/api/v1/users?search={tag}&{query}"));
            return (body["items"]!.AsArray().Select(u => Expect.Wire(u!["id"])).ToArray(), body["total"]!.GetValue<int>());
        }
        async Task<string[]> IdsAsync(string query)
        {
            var (ids, total) = await PageAsync(query);
            Assert.Equal(ids.Length, total);
            return ids;
        }

        Assert.Equal([technician], await IdsAsync("role=technician"));
        Assert.Equal([manager], await IdsAsync("role=store_manager"));
        Assert.Equal([technician], await IdsAsync("disabled=false"));
        Assert.Equal([manager], await IdsAsync("disabled=true"));
        var (first, total) = await PageAsync("pageSize=1&page=2"); // by e-mail: "…-m@" first, "…-t@" second
        Assert.Equal([technician], first);
        Assert.Equal(2, total);

        await Expect.ValidationProblemAsync(await admin.GetAsync("/api/v1/users?role=owner"), "role");
        await Expect.ValidationProblemAsync(await admin.GetAsync("/api/v1/users?disabled=maybe"), "disabled");
        await Expect.ValidationProblemAsync(await admin.GetAsync("/api/v1/users?pageSize=0"), "pageSize");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_users_api_behind_an_api_token()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        foreach (var (path, method) in new[] { ("/api/v1/users", "post"), ("/api/v1/users", "get"), ("/api/v1/users/{id}/disable", "post"), ("/api/v1/users/{id}/enable", "post") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal("Users", operation.GetProperty("tags")[0].GetString());
            Assert.Equal("apiToken", operation.GetProperty("security")[0].EnumerateObject().Single().Name);
        }
        var create = paths.GetProperty("/api/v1/users").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
    }
}
