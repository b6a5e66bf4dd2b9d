using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace TeamWiki.Web.Auth;

/// <summary>Reading the current user in components, the same way for static and interactive rendering.</summary>
public static class AuthenticationStateExtensions
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>The signed-in user, or an anonymous principal.</summary>
    public static async Task<ClaimsPrincipal> UserAsync(this Task<AuthenticationState>? state) =>
        state is null ? Anonymous : (await state).User;
}
