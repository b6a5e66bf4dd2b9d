# TeamWiki: build with the SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t teamwiki .
#   docker run -p 8080:8080 -v teamwiki-data:/data teamwiki
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props TeamWiki.sln ./
COPY src/TeamWiki.Storage/TeamWiki.Storage.csproj src/TeamWiki.Storage/
COPY src/TeamWiki.Search/TeamWiki.Search.csproj src/TeamWiki.Search/
COPY src/TeamWiki.Web/TeamWiki.Web.csproj src/TeamWiki.Web/
# For the image's platform, so the app is compiled ahead of time (ReadyToRun, see TeamWiki.Web.csproj).
ARG TARGETARCH
RUN dotnet restore src/TeamWiki.Web/TeamWiki.Web.csproj -a ${TARGETARCH:-amd64}
COPY src/ src/
COPY content-sample/ content-sample/
RUN dotnet publish src/TeamWiki.Web/TeamWiki.Web.csproj -c Release -a ${TARGETARCH:-amd64} -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's non-root "app" user (uid 1654) owns the data folder; everything else is read-only to it.
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    TeamWiki__DataDirectory=/data \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/data"]
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD ["dotnet", "TeamWiki.Web.dll", "--health-check"]
ENTRYPOINT ["dotnet", "TeamWiki.Web.dll"]
