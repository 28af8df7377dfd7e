#!/usr/bin/env bash
# The idle memory of ASP.NET Core alone on this machine: a minimal web app (the default builder,
# one endpoint), published as the worker is (framework-dependent, ReadyToRun, workstation
# collector with background collection, dynamic PGO off), asked for one response and left idle.
# What the service holds above it is ours: the store, the scheduler, the parsers and sanitizer.
#
# usage: tests/FeedAggregator.Benchmarks/startup/idle-floor.sh
# Environment: ROUNDS (default 3), IDLE (default 20 seconds).
set -euo pipefail
ROUNDS=${ROUNDS:-3}
IDLE=${IDLE:-20}
WORK=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

# Outside the repository: none of its props or central package versions apply.
echo '<Project />' > "$WORK/Directory.Build.props"
echo '<Project />' > "$WORK/Directory.Packages.props"
cat > "$WORK/floor.csproj" <<'PROJECT'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <PublishReadyToRun>true</PublishReadyToRun>
    <RuntimeIdentifier>$(NETCoreSdkRuntimeIdentifier)</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
    <ServerGarbageCollection>false</ServerGarbageCollection>
    <ConcurrentGarbageCollection>true</ConcurrentGarbageCollection>
    <TieredPGO>false</TieredPGO>
  </PropertyGroup>
</Project>
PROJECT
cat > "$WORK/Program.cs" <<'PROGRAM'
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/feed.atom", () => Results.Text("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "application/atom+xml"));
app.Run();
PROGRAM
dotnet publish "$WORK/floor.csproj" -c Release -o "$WORK/publish" >/dev/null

for round in $(seq "$ROUNDS"); do
  port=$((20000 + RANDOM % 20000))
  "$WORK/publish/floor" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/feed.atom"; do sleep 0.01; done
  sleep "$IDLE"
  echo "ASP.NET Core alone, idle: $(awk '/VmRSS|RssAnon|RssFile/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$pid/status")"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
