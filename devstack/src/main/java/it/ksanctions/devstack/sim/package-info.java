/**
 * Simulators of the outside services, on one embedded HTTP server on 127.0.0.1 (the dev stack
 * starts them on port 17080 + port offset; {@code Simulators.start(0, log)} picks a free port).
 * Shaped on the published contracts (SEND B2B bundle, pagoPA GPD v1 and payments receipts); all
 * state is in memory. WildFly gets {@code KSANCTIONS_SIMULATORS_URL}, {@code
 * KSANCTIONS_PDND_TOKEN_URL}, {@code KSANCTIONS_PDND_AUDIENCE}, {@code KSANCTIONS_INAD_URL} and
 * {@code KSANCTIONS_INIPEC_URL}.
 *
 * <h2>Services ({@code <base>} = {@code http://127.0.0.1:<port>})</h2>
 *
 * <ul>
 *   <li>PDND voucher: {@code POST <base>/pdnd/token.oauth2} (form: client_credentials, client_id,
 *       client_assertion_type jwt-bearer, client_assertion: RS256 JWT with kid and typ JWT, iss =
 *       sub = client_id, aud = {@value it.ksanctions.devstack.sim.Simulators#PDND_AUDIENCE}, jti
 *       used once, exp - iat at most 24 h) → {@code {access_token, token_type: Bearer, expires_in:
 *       600}}; unknown client/kid or bad signature → 401 {@code invalid_client}, bad claims or a
 *       replayed jti → 400 {@code invalid_request}.
 *   <li>SEND: base URL {@code <base>/send}; every call needs {@code x-api-key} and {@code
 *       Authorization: Bearer <voucher>} (else 403). Preload, PUT to {@code <base>/send/__s3/<key>}
 *       with {@code x-amz-meta-secret}, {@code POST /delivery/v2.6/requests}, {@code GET
 *       /delivery/v2.6/requests?notificationRequestId=}, streams {@code
 *       /delivery-progresses/v2.9/streams[/{id}/events?lastEventId=]}, {@code GET
 *       /delivery-push/{iun}/download/legal-facts/{id}}, {@code GET
 *       /delivery/v2.9/notifications/sent/{iun}}. The first poll of a request answers WAITING, the
 *       second resolves it (it also resolves by itself after 3 s); REFUSED when a tax id is not 16
 *       alphanumerics or 11 digits, the protocol number starts with {@code RIFIUTA}, or a
 *       recipient's tax id has a refusal set by the control endpoint. An accepted notification's
 *       whole life is emitted at once (timestamps 2 s apart): REQUEST_ACCEPTED,
 *       SEND_DIGITAL_DOMICILE or SEND_ANALOG_DOMICILE (digital when the recipient has a
 *       digitalDomicile or an INAD domicile), DIGITAL_SUCCESS_WORKFLOW or SEND_ANALOG_FEEDBACK,
 *       then NOTIFICATION_VIEWED (or REFINEMENT, {@code refinementDays} later). A stream sees all
 *       the events of its x-api-key, also those before its creation.
 *   <li>INAD: {@code GET <base>/inad/extract/{codiceFiscale}?practicalReference=} with a voucher.
 *   <li>INI-PEC: {@code GET <base>/inipec/{identifier}} (VAT number or tax code) with a voucher →
 *       {@code {identifier, pec, lastUpdate}} or 404. The path is the lookup-PEC e-service's; the
 *       answer's fields are this simulator's own (no published contract was at hand).
 *   <li>pagoPA GPD: base URL {@code <base>/gpd}, header {@code Ocp-Apim-Subscription-Key} (else
 *       401): {@code
 *       /debt-positions-service/v1/organizations/{fc}/debtpositions[/{iupd}[/invalidate |
 *       /publish]]} and {@code /payments-receipts-service/v1/payments/{fc}/receipts[/{iuv}]} (list:
 *       pageNum, pageSize, from, to, debtor, debtorOrIuv; one receipt: XML).
 *   <li>Checkout: {@code GET <base>/checkout/?notice=&creditor=&returnUrl=} (page with button
 *       {@code #paga}), form posted to {@code /checkout/pay}, redirect to {@code
 *       returnUrl?outcome=OK&notice=...}.
 * </ul>
 *
 * <p>PEC is simulated on GreenMail instead ({@link it.ksanctions.devstack.sim.PecProvider}, started
 * by the dev stack next to it): a sender whose address contains {@code @pec.} gets the acceptance
 * and delivery receipts, with their {@code daticert.xml}, in its mailbox; recipients {@code
 * …@pec.invalid} give a failed-delivery notice.
 *
 * <h2>Test and control endpoints</h2>
 *
 * <ul>
 *   <li>{@code GET /__journal?service=pdnd|send|inad|inipec|gpd|checkout&since=<seq>}: array of
 *       {@code {seq, at, service, method, path, query, status, headers, body}} (secret headers
 *       masked {@code ••••} + last 4; bodies truncated at 64 KiB, non-text as {@code
 *       sha256:<hex>}); {@code DELETE /__journal} clears.
 *   <li>{@code POST /__control/faults {"service","pathPrefix","bodyContains","status","times",
 *       "retryAfterSeconds","delayMillis","holds"}} (status 0: hang delayMillis, then 504; 429/503
 *       carry {@code retry-after} in seconds; {@code "holds": true}: the request is carried out and
 *       journaled, and its real answer held for delayMillis, default 30 s — an answer lost, or a
 *       caller that dies waiting); {@code DELETE /__control/faults}.
 *   <li>{@code PUT /__control/pdnd/clients/{clientId}/keys/{kid}} (PEM public key), {@code DELETE}.
 *   <li>{@code POST /__control/send/behaviour {"view": false, "autoAcceptMillis": 3000,
 *       "refinementDays": 0}} (taken by the requests that arrive afterwards); {@code PUT
 *       /__control/send/refusals/{taxId} {"code","detail"}}: that recipient's requests are REFUSED
 *       with that error; {@code DELETE}.
 *   <li>{@code PUT /__control/inad/{codiceFiscale} {"pec": "..."}}, {@code DELETE}; the same for
 *       INI-PEC at {@code /__control/inipec/{identifier}}.
 *   <li>{@code POST /__control/gpd/pay {"creditor","notice","amountCents"?,"payer":{"fullName",
 *       "fiscalCode","email"}}} → the receipt.
 *   <li>{@code PUT /__control/gpd/organizations/{fc}/receipt-endpoint {"url","key"}}, {@code
 *       DELETE}.
 *   <li>{@code PUT /__control/gpd/push-settings {"pauseMillis": 500, "maxAttempts": 48}}.
 *   <li>{@code POST /__control/gpd/receipts/{receiptId}/push?times=48&concurrency=1} → array of the
 *       statuses received (-1: I/O error); {@code GET /__control/gpd/receipts/{receiptId}/attempts}
 *       → statuses of the automatic pushes.
 * </ul>
 *
 * <h2>Receipt push (the node's paSendRT)</h2>
 *
 * After a payment, when the creditor has a receipt endpoint, the simulator POSTs {@code
 * {"receiptId","noticeNumber","iuv","creditorTaxCode","amountCents","paymentDateTime" (ISO with
 * offset),"pspName","payer":{"fullName","fiscalCode","email"}}} with header {@code X-Receipt-Key};
 * a non-2xx answer or an I/O error is retried up to 48 times, 500 ms apart (the real node: hourly).
 */
package it.ksanctions.devstack.sim;
