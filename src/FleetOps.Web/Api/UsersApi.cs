using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FleetOps.Web.Api;

/// <summary>
/// The Users API (PROTOCOL §4b, docs/api.md): a chain's IT provisions people from its own systems. Administrators only.
/// Every change goes through <see cref="UserAdministration"/>, as the users page's do, so it is audited alike and the
/// user directory (and with it sessions, tokens and hub connections) follows at once.
/// </summary>
public static class UsersApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").RequireAuthorization(AccessPolicies.Administrator).WithTags("Users").DisableAntiforgery();
        api.MapPost("", Create).WithName("CreateUser")
            .WithSummary("Creates a user who can sign in at once (administrators); audited like a user made on the users page")
            .WithDescription("`role` is administrator | regional_manager | store_manager | technician. A regional manager needs at least one "
                + "region, store managers and technicians at least one store (more may be given); an administrator's regions and stores "
                + "are not kept. 400 names each bad field: an e-mail that is not an address, a missing or unkeepable display name, an "
                + "unknown role, region or store, a weak password (Identity's reasons), a body that is not JSON of this shape. 409 when "
                + "the e-mail already belongs to a user.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("", List).WithName("ListUsers")
            .WithSummary("Users by e-mail, with role, regions, stores and whether disabled; ?role=, ?search= (e-mail or name), ?disabled=true|false");
        api.MapGet("/{id}", Get).WithName("GetUser").WithSummary("One user").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/disable", Disable).WithName("DisableUser")
            .WithSummary("Disables a user: their sessions, API tokens and live connections stop at once (audited); answers the user")
            .WithDescription("Disabling a disabled user changes nothing. 404 for an unknown id; 409 for yourself, or for the last active "
                + "administrator.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        // A system that can take a person out must be able to bring them back (an outside tester found only the UI could).
        api.MapPost("/{id}/enable", Enable).WithName("EnableUser")
            .WithSummary("Enables a disabled user: they can sign in again and their API tokens work again (audited); answers the user")
            .WithDescription("Enabling an active user changes nothing. 404 for an unknown id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<CreatedUser>, ValidationProblem, ProblemHttpResult>> Create(
        CreateUserRequest request, HttpContext context, UserAdministration administration, UserManager<FleetUser> userManager,
        UserDirectory directory, StoreDirectory stores, AccessResolver access)
    {
        var (draft, errors) = UserRules.Check(request, stores);
        if (!string.IsNullOrEmpty(request.Password) && await PasswordProblemsAsync(userManager, request.Password) is { Count: > 0 } weak)
        {
            errors["password"] = [.. weak];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (directory.ByEmail(draft!.Email) is not null) return Taken(draft.Email);
        var result = await administration.CreateAsync(draft, request.Password!, access.ActorName(context.User), ManagementApi.Address(context));
        if (!result.Succeeded)
        {
            // Another request took the e-mail meanwhile (Identity's unique index decided), or Identity refused what the rules above let through.
            return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Taken(draft.Email)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = result.Errors.Select(e => e.Description).ToArray() });
        }
        var id = directory.ByEmail(draft.Email)!.UserId;
        return TypedResults.Created($"/api/v1/users/{id}", new CreatedUser(id));
    }

    public static Results<Ok<PagedResult<UserDto>>, ValidationProblem> List(UserDirectory directory,
        string? role = null, string? search = null, string? disabled = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var wanted = filter.Enum<UserRole>("role", role);
        var text = filter.Text("search", search);
        var state = filter.OneOf("disabled", disabled, ["true", "false"]);
        var paging = filter.Paging(page, pageSize, MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        var users = directory.All.Where(u =>
                (wanted is null || Roles.WireRole(u.Role) == wanted)
                && (state is null || u.Disabled == (state == "true"))
                && (text is null || u.Email.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || u.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var items = paging.Of(users).Select(UserDto.From).ToList();
        return TypedResults.Ok(new PagedResult<UserDto>(items, users.Count));
    }

    public static Results<Ok<UserDto>, ProblemHttpResult> Get(string id, UserDirectory directory) =>
        directory.Get(id) is { } user ? TypedResults.Ok(UserDto.From(user)) : NoUser(id);

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Disable(string id, UserAdministration administration, UserDirectory directory,
        HttpContext context, AccessResolver access)
    {
        if (directory.Get(id) is not { } user) return NoUser(id);
        // The users page refuses it too: an administrator who disabled themselves could not undo it.
        if (access.User(context.User)?.UserId == user.UserId)
        {
            return TypedResults.Problem(title: "Cannot disable yourself", detail: "You cannot disable yourself.",
                statusCode: StatusCodes.Status409Conflict);
        }
        if (!user.Disabled)
        {
            var result = await administration.SetDisabledAsync(user.UserId, disabled: true, access.ActorName(context.User),
                ManagementApi.Address(context));
            if (!result.Succeeded)
            {
                return directory.Get(id) is null ? NoUser(id)
                    : TypedResults.Problem(title: "Cannot disable", detail: string.Join(" ", result.Errors.Select(e => e.Description)),
                        statusCode: StatusCodes.Status409Conflict);
            }
        }
        return directory.Get(id) is { } now ? TypedResults.Ok(UserDto.From(now)) : NoUser(id);
    }

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Enable(string id, UserAdministration administration, UserDirectory directory,
        HttpContext context, AccessResolver access)
    {
        if (directory.Get(id) is not { } user) return NoUser(id);
        if (user.Disabled)
        {
            var result = await administration.SetDisabledAsync(user.UserId, disabled: false, access.ActorName(context.User),
                ManagementApi.Address(context));
            if (!result.Succeeded)
            {
                return directory.Get(id) is null ? NoUser(id)
                    : TypedResults.Problem(title: "Cannot enable", detail: string.Join(" ", result.Errors.Select(e => e.Description)),
                        statusCode: StatusCodes.Status409Conflict);
            }
        }
        return directory.Get(id) is { } now ? TypedResults.Ok(UserDto.From(now)) : NoUser(id);
    }

    /// <summary>Identity's configured password rules, asked before anything is created so every bad field is named in one answer.</summary>
    private static async Task<List<string>> PasswordProblemsAsync(UserManager<FleetUser> userManager, string password)
    {
        var problems = new List<string>();
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, new FleetUser(), password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems;
    }

    private static ProblemHttpResult Taken(string email) =>
        TypedResults.Problem(title: "User exists", detail: $"The e-mail {email} already belongs to a user.",
            statusCode: StatusCodes.Status409Conflict);

    /// <summary>The id is echoed only when it is text FleetOps could have kept (never a card number back into a log).</summary>
    private static ProblemHttpResult NoUser(string id) => TypedResults.Problem(title: "Not found",
        detail: id.Length <= 64 && TextRules.Problem("id", id) is null ? $"There is no user '{id}'." : "No such user.",
        statusCode: StatusCodes.Status404NotFound);
}
