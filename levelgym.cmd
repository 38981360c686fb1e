@echo off
rem Runs the levelgym CLI on Windows as ./levelgym does elsewhere: from the modules' compiled classes and the
rem dependency class path Maven wrote (cli\target\launcher\classpath.txt), compiling first when a source or pom
rem changed since the last build. Plugin jars in cli\target\plugins\ (RL4J, Spark: docs\platforms.md) join the
rem class path. The file checks run in PowerShell (part of Windows 10 and 11): cmd cannot compare file times, and a
rem class path of ~100 jars is longer than a cmd variable may be, so it reaches java through an argument file.
setlocal
set "LEVELGYM_ROOT=%~dp0"
if "%LEVELGYM_ROOT:~-1%"=="\" set "LEVELGYM_ROOT=%LEVELGYM_ROOT:~0,-1%"
set "LAUNCHER=%LEVELGYM_ROOT%\cli\target\launcher"

rem Exit 1: stale (no stamp or class path, or a pom or source newer than the stamp). Exit 0: up to date, and the
rem argument file for java written (class path with forward slashes, which java accepts and its argument files do
rem not treat as escapes).
set "LEVELGYM_CHECK=$r=$env:LEVELGYM_ROOT; $l=Join-Path $r 'cli\target\launcher'; $s=Join-Path $l 'built'; $c=Join-Path $l 'classpath.txt';"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% if (-not (Test-Path -LiteralPath $s) -or -not (Test-Path -LiteralPath $c)) { exit 1 };"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% $t=(Get-Item -LiteralPath $s).LastWriteTimeUtc;"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% $f=@(Get-Item -LiteralPath (Join-Path $r 'pom.xml')) + @(Get-ChildItem -LiteralPath $r -Directory | ForEach-Object { Get-ChildItem -LiteralPath $_.FullName -Filter pom.xml -File; $src=Join-Path $_.FullName 'src'; if (Test-Path -LiteralPath $src) { Get-ChildItem -LiteralPath $src -Recurse -File } });"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% if ($f | Where-Object { $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1) { exit 1 };"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% $cp=@(Join-Path $r 'cli\target\classes') + ((Get-Content -Raw -LiteralPath $c).Trim() -split ';');"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% $p=Join-Path $r 'cli\target\plugins'; if (Test-Path -LiteralPath $p) { foreach ($j in Get-ChildItem -LiteralPath $p -Filter 'levelgym-*.jar') { $cp += $j.FullName; $n=$j.BaseName.Substring(9); foreach ($d in @((Join-Path $r ('plugins\' + $n)), (Join-Path $r ('agents-' + $n + '\src')))) { if ((Test-Path -LiteralPath $d) -and (Get-ChildItem -LiteralPath $d -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $j.LastWriteTimeUtc } | Select-Object -First 1)) { [Console]::Error.WriteLine('levelgym: the ' + $n + ' plugin is older than ' + $d + '; rebuild it with mvnw.cmd -B -ntp -DskipTests -pl plugins/' + $n + ' -am package'); break } } } };"
set "LEVELGYM_CHECK=%LEVELGYM_CHECK% [IO.File]::WriteAllText((Join-Path $l 'java-args.txt'), ('-cp ' + [char]34 + (($cp -join ';') -replace '\\','/') + [char]34), [Text.Encoding]::Default); exit 0"

powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "%LEVELGYM_CHECK%"
if not errorlevel 1 goto run

echo levelgym: compiling the CLI (first run or sources changed)... 1>&2
if not exist "%LAUNCHER%" mkdir "%LAUNCHER%"
rem Stamped with the time the build started, so a file saved during the build makes the next run build again.
type nul > "%LAUNCHER%\building"
set "LEVELGYM_LOG=%TEMP%\levelgym-build-%RANDOM%.log"
pushd "%LEVELGYM_ROOT%"
rem A short Maven run: C1 alone and the serial collector halve its CPU time (javac runs inside Maven's JVM).
set "MAVEN_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC %MAVEN_OPTS%"
call "%LEVELGYM_ROOT%\mvnw.cmd" -B -q -ntp -DskipTests -pl cli -am compile > "%LEVELGYM_LOG%" 2>&1
set "LEVELGYM_BUILD=%ERRORLEVEL%"
popd
if not "%LEVELGYM_BUILD%"=="0" (
  type "%LEVELGYM_LOG%" 1>&2
  del "%LEVELGYM_LOG%"
  echo levelgym: build failed ^(output above^) 1>&2
  exit /b 1
)
del "%LEVELGYM_LOG%"
move /y "%LAUNCHER%\building" "%LAUNCHER%\built" > nul
powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "%LEVELGYM_CHECK%"
if errorlevel 1 (
  echo levelgym: the build did not leave %LAUNCHER%\classpath.txt 1>&2
  exit /b 1
)

:run
set "LEVELGYM_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "LEVELGYM_JAVA=%JAVA_HOME%\bin\java.exe"
rem What Spark (engine spark, levelgym cluster) needs opened on Java 17, as in ./levelgym and the jar's manifest.
set "LEVELGYM_OPENS=--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
"%LEVELGYM_JAVA%" %LEVELGYM_JAVA_OPTS% %LEVELGYM_OPENS% "@%LAUNCHER%\java-args.txt" dev.levelgym.cli.Main %*
exit /b %ERRORLEVEL%
