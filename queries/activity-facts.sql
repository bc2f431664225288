-- name: activity-facts
-- answers: an activity's facts per year: every indicator the reports give
--   for one activity, year by year, with the number of sources behind each
-- param: activity (text): the activity_key (see the activities view)
-- param: year (int, null): the report year; null for every year
-- example: letopis query activity-facts --param activity=kohezijs-regi-spin-vzhodn
SELECT report_year,
       indicator_key,
       arg_max(indicator, (confidence, value)) AS indicator,
       arg_max(value, (confidence, value))     AS value,
       arg_max(unit, (confidence, value))      AS unit,
       arg_max(target, (confidence, value))    AS target,
       arg_max(qualifier, (confidence, value)) AS qualifier,
       count(DISTINCT source_sha256)           AS sources
FROM facts
WHERE activity_key = $activity
  AND ($year IS NULL OR report_year = $year)
GROUP BY report_year, indicator_key
ORDER BY report_year, indicator_key;
