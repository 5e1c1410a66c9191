package org.vpspanel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vpspanel.account.AccountFilter;
import org.vpspanel.account.AccountService;

@RestController
@RequestMapping(path = "/api/v1/customers", produces = "application/json")
@Tag(name = "Customers", description = "Admins see every customer, resellers their own")
class CustomersController {

    private final AccountService accounts;
    private final References references;

    CustomersController(AccountService accounts, References references) {
        this.accounts = accounts;
        this.references = references;
    }

    @GetMapping
    @Operation(summary = "List customers; q matches user name, email or full name")
    ApiPage<CustomerResponse> list(@RequestParam(defaultValue = "") String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        return ApiPage.of(accounts.findCustomers(new AccountFilter(q), ApiPage.request(page, size)),
                CustomerResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer")
    CustomerResponse get(@PathVariable long id) {
        return CustomerResponse.of(accounts.getCustomer(id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a customer account: a reseller's own customer; an admin's under `reseller`, "
            + "or directly under the host")
    ResponseEntity<CustomerResponse> create(@RequestBody CustomerRequest request) {
        CustomerResponse created = CustomerResponse.of(
                accounts.createCustomer(request.toNewAccount(), references.resellerId(request.reseller()),
                        request.billingDay()));
        return Created.at(created.id(), created);
    }

    @PutMapping(path = "/{id}/billing-day", consumes = "application/json")
    @Operation(summary = "Move the customer's billing day (1-28); the current billing period still ends when it "
            + "was going to, the next ones start on the new day")
    CustomerResponse changeBillingDay(@PathVariable long id, @RequestBody BillingDayRequest request) {
        return CustomerResponse.of(accounts.changeBillingDay(id, request.billingDay()));
    }
}
