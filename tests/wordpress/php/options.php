<?php
/* Set options (update_option) and, with "theme", switch the theme.
 * Payload: {"options": {name: value}, "theme": "twentytwentyone"}. */
require __DIR__ . '/_boot.php';
$in = newsarchive_input();
require_once NEWSARCHIVE_WP_LOAD;
foreach ($in['options'] ?? [] as $name => $value) {
    update_option($name, $value);
}
if (!empty($in['theme'])) {
    switch_theme($in['theme']);
}
if (!empty($in['flush_rewrite'])) {
    flush_rewrite_rules(false);
}
newsarchive_output(['theme' => get_stylesheet(), 'options' => array_map('get_option', array_keys($in['options'] ?? []))]);
