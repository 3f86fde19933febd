using System.Net;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>Photos of checklist items: real images kept and served only within the work order's store; too large or not an image, refused and not kept.</summary>
public sealed class WorkOrderPhotoTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    private static MultipartFormDataContent Photo(byte[] bytes, string fileName, string item = "terminal_photo", string type = "image/jpeg") =>
        MaintenanceCalls.Image(bytes, fileName, item, type);

    private int StoredFiles()
    {
        var folder = app.GetService<WorkOrderPhotos>().Folder;
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task A_photo_over_10_MiB_or_a_text_file_named_jpg_is_refused_and_nothing_is_kept()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var order = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));
        var before = StoredFiles();
        var large = new byte[11 * 1024 * 1024];
        Jpeg.CopyTo(large, 0);

        await Expect.ProblemAsync(await admin.PostAsync($"/api/v1/workorders/{order.Id()}/photos", Photo(large, "big.jpg")), HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await admin.PostAsync($"/api/v1/workorders/{order.Id()}/photos", Photo("not a picture"u8.ToArray(), "notes.jpg")),
            HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await admin.PostAsync($"/api/v1/workorders/{order.Id()}/photos", Photo(Jpeg, "ok.jpg", item: "housing_intact")),
            HttpStatusCode.BadRequest); // not a photo item

        Assert.Equal(before, StoredFiles());
        Assert.Empty((await admin.WorkOrderAsync(order.Id()))["photos"]!.AsArray());
    }

    [Fact]
    public async Task A_photo_is_served_to_people_of_its_store_and_to_nobody_else()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var elsewhere = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var otherManager = await app.CreateUserAsync(Roles.StoreManager, stores: [elsewhere]);
        using var admin = app.CreateAdminClient();
        var order = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));

        using var uploaded = await admin.PostAsync($"/api/v1/workorders/{order.Id()}/photos", Photo(Jpeg, "terminal.png", type: "image/png"));
        var url = Expect.Wire((await Expect.JsonObjectAsync(uploaded))["url"]);
        await Expect.StatusAsync(uploaded, HttpStatusCode.Created);

        using var mine = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var theirs = app.CreateTokenClient((await app.CreateApiTokenAsync(otherManager)).Token);
        using var served = await mine.GetAsync(url);
        await Expect.StatusAsync(served, HttpStatusCode.OK);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType); // by its bytes, not by what the upload claimed
        Assert.Equal(Jpeg, await served.Content.ReadAsByteArrayAsync());
        await Expect.ProblemAsync(await theirs.GetAsync(url), HttpStatusCode.NotFound);
        using var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    /// <summary>The inspection's answers with <paramref name="photo"/> as the value of its photo item.</summary>
    private static object InspectionWithPhoto(long signature, object photo) => new
    {
        results = new object[]
        {
            new { item = "housing_intact", value = true }, new { item = "no_tampering", value = true }, new { item = "card_reader_ok", value = true },
            new { item = "printer_ok", value = true }, new { item = "signal_bars", value = 4 }, new { item = "manager_signature", value = $"{signature}" },
            new { item = "terminal_photo", value = photo },
        },
        signedBy = "Li Wei",
    };

    [Fact]
    public async Task A_photo_item_answered_with_an_id_of_no_photo_or_of_another_work_orders_photo_is_refused_and_its_own_photo_accepted()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var other = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));
        using var elsewhere = await admin.PostAsync($"/api/v1/workorders/{other.Id()}/photos", Photo(Jpeg, "other.jpg"));
        var othersPhoto = (await Expect.JsonObjectAsync(elsewhere)).Id();
        var order = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));
        await Expect.StatusAsync(await admin.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        var signature = await admin.SignAsync(order.Id());

        foreach (var wrong in new object[] { 999999, $"{othersPhoto}", $"{signature}" }) // nothing, another order's photo, a signature's drawing
        {
            using var refused = await admin.CommandAsync(order.Id(), "complete", InspectionWithPhoto(signature, wrong));
            var problem = await Expect.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
            var reason = Assert.Single(problem["problems"]!.AsArray());
            Assert.Equal("terminal_photo", Expect.Wire(reason!["item"]));
            Assert.Equal("not_a_photo", Expect.Wire(reason["reason"]));
            Assert.Equal("in_progress", Expect.Wire((await admin.WorkOrderAsync(order.Id()))["state"]));
        }

        using var uploaded = await admin.PostAsync($"/api/v1/workorders/{order.Id()}/photos", Photo(Jpeg, "terminal.jpg"));
        var photo = (await Expect.JsonObjectAsync(uploaded)).Id();
        using var done = await admin.CommandAsync(order.Id(), "complete", InspectionWithPhoto(signature, photo));
        await Expect.StatusAsync(done, HttpStatusCode.OK);
        var result = (await admin.WorkOrderAsync(order.Id()))["results"]!.AsArray().Single(r => Expect.Wire(r!["item"]) == "terminal_photo");
        Assert.Equal($"{photo}", Expect.Wire(result!["value"]));
    }

    [Fact]
    public async Task A_result_whose_value_is_an_object_or_a_list_is_a_400_naming_results_and_nothing_is_recorded()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var order = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));
        await Expect.StatusAsync(await admin.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        var signature = await admin.SignAsync(order.Id());

        foreach (var shaped in new object[] { new { a = new[] { 1, 2 } }, new[] { "loose", "cable" } })
        {
            using var refused = await admin.CommandAsync(order.Id(), "complete", new
            {
                results = new object[]
                {
                    new { item = "housing_intact", value = true }, new { item = "no_tampering", value = true }, new { item = "card_reader_ok", value = true },
                    new { item = "printer_ok", value = true }, new { item = "signal_bars", value = 4 }, new { item = "manager_signature", value = $"{signature}" },
                    new { item = "remarks", value = shaped },
                },
                signedBy = "Li Wei",
            });
            var problem = await Expect.ProblemAsync(refused, HttpStatusCode.BadRequest);
            Assert.Equal("results", Expect.Wire(problem["field"]));
            Assert.Equal("The value of 'remarks' must be true or false, a number or text, not an object or a list.", Expect.Wire(problem["detail"]));
        }
        Assert.Equal("in_progress", Expect.Wire((await admin.WorkOrderAsync(order.Id()))["state"]));
    }
}
