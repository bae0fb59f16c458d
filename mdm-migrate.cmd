@echo off
rem The CLI straight through Node, without npm's start-up (README, "The command line").
node "%~dp0electron\cli\bin\mdm-migrate.js" %*
exit /b %ERRORLEVEL%
